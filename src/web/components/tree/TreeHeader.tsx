import { Button, Group, NativeSelect, Title } from '@mantine/core';
import { memo, useMemo } from 'react';
import { Link } from 'react-router';
import type { Cycle } from '../../api/okr-types.js';

/** The tree page's title, its cycle picker and the cycle's actions. Memoised: see TreePage. */
export const TreeHeader = memo(function TreeHeader({
  cycles,
  cycleId,
  cycle,
  cyclePending,
  isAdmin,
  onPickCycle,
  onSettings,
  onNewCycle,
  onCreate,
}: {
  cycles: Cycle[] | undefined;
  cycleId: string | null;
  cycle: Cycle | undefined;
  cyclePending: boolean;
  isAdmin: boolean;
  onPickCycle: (id: string) => void;
  onSettings: () => void;
  onNewCycle: () => void;
  onCreate: () => void;
}) {
  const options = useMemo(
    () => (cycles ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.status === 'closed' ? ' (closed)' : ''}` })),
    [cycles],
  );
  return (
    <Group justify="space-between" align="flex-end">
      <Title order={1} size="h2">
        OKRs
      </Title>
      <Group align="flex-end">
        {/* A native select: a handful of cycles, light to draw, the phone's own picker on a phone. Empty only while
            the cycles load. */}
        <NativeSelect
          label="Cycle"
          w={200}
          value={cycleId ?? ''}
          data={options.length === 0 ? [{ value: '', label: '' }] : options}
          onChange={(e) => e.currentTarget.value && onPickCycle(e.currentTarget.value)}
        />
        {/* Disabled rather than absent while the cycle loads: the row keeps its width. */}
        {isAdmin && (cycle || cyclePending) && (
          <Button variant="default" onClick={onSettings} disabled={!cycle}>
            Cycle settings
          </Button>
        )}
        {/* Present (disabled) before the cycles arrive: the buttons beside it keep their places (CLS). */}
        {cycleId ? (
          <Button variant="default" component={Link} to={`/cycles/${cycleId}/report`}>
            Report
          </Button>
        ) : (
          <Button variant="default" disabled>
            Report
          </Button>
        )}
        {isAdmin && (
          <Button variant="default" onClick={onNewCycle}>
            New cycle
          </Button>
        )}
        {(cycle ? cycle.status !== 'closed' : cyclePending) && (
          <Button onClick={onCreate} disabled={!cycle}>
            New objective
          </Button>
        )}
      </Group>
    </Group>
  );
});

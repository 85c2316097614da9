import { Button, Group, Select, Title } from '@mantine/core';
import { memo, useMemo } from 'react';
import { Link } from 'react-router';
import type { Cycle } from '../../api/okr-types.js';
import { useListOnDemand } from '../on-demand/dropdown-on-open.js';

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
  const cycleList = useListOnDemand();
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
        <Select
          label="Cycle"
          {...cycleList}
          w={200}
          allowDeselect={false}
          value={cycleId}
          data={options}
          onChange={(id) => id && onPickCycle(id)}
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

import { Anchor, Button, Group, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ingestKeys, linkKpi, unlinkKpi, useKeyResultKpi } from '../../api/ingest.js';
import { useKpi, useKpiBoard } from '../../api/kpis.js';
import { KpiChart } from '../kpis/KpiChart.js';
import { KpiHealthBadge } from '../kpis/KpiHealthBadge.js';

function LinkedKpi({ kpiId }: { kpiId: string }) {
  const kpi = useKpi(kpiId);
  if (!kpi.data) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Anchor component={Link} to={`/kpis/${kpiId}`} underline="always" size="sm">
          {kpi.data.name}
        </Anchor>
        <KpiHealthBadge kpi={kpi.data} />
      </Group>
      <KpiChart kpi={kpi.data} />
    </Stack>
  );
}

/** "Improves KPI": the key result names the KPI it moves, shows its chart, and may follow its latest value. */
export function KpiLinkPanel({ keyResultId, measured, closed }: { keyResultId: string; measured: boolean; closed: boolean }) {
  const current = useKeyResultKpi(keyResultId);
  const editable = Boolean(current.data?.canEdit) && !closed;
  const board = useKpiBoard({});
  const queryClient = useQueryClient();
  const [kpiId, setKpiId] = useState('');
  const [follows, setFollows] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ingestKeys.kpiLink(keyResultId) });
  const link = current.data?.link;
  if (!link && !editable) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Improves KPI">
      <Title order={3} size="h5">
        Improves KPI
      </Title>
      {link ? (
        <>
          <LinkedKpi kpiId={link.kpiId} />
          {link.followsKpi && (
            <Text size="xs" c="dimmed">
              Its value follows the KPI&apos;s latest value.
            </Text>
          )}
          {editable && (
            <Group>
              <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={() => void unlinkKpi(keyResultId).then(refresh)}>
                Stop linking to {link.kpiName}
              </Button>
            </Group>
          )}
        </>
      ) : (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <NativeSelect
            size="xs"
            label="KPI this key result improves"
            value={kpiId}
            onChange={(e) => setKpiId(e.currentTarget.value)}
            data={[{ value: '', label: 'Choose a KPI' }, ...(board.data ?? []).map((k) => ({ value: k.id, label: k.name }))]}
          />
          {measured && (
            <Switch size="sm" label="Its value follows the KPI" checked={follows} onChange={(e) => setFollows(e.currentTarget.checked)} />
          )}
          <Button
            size="xs"
            variant="light"
            disabled={!kpiId}
            onClick={() => void linkKpi(keyResultId, { kpiId, followsKpi: follows }).then(() => queryClient.invalidateQueries())}
          >
            Link KPI
          </Button>
        </Group>
      )}
    </Stack>
  );
}

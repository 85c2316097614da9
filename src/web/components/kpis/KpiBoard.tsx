import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useKpiBoard, type Kpi, type KpiBoardFilter } from '../../api/kpis.js';
import { KpiChart } from './KpiChart.js';
import { KpiHealthBadge } from './KpiHealthBadge.js';

const TREND = { improving: '↗ improving', steady: '→ steady', worsening: '↘ worsening' } as const;

function KpiCard({ kpi }: { kpi: Kpi }) {
  const unit = kpi.unit ? ` ${kpi.unit}` : '';
  return (
    <Card withBorder component="article" aria-labelledby={`kpi-${kpi.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Anchor component={Link} to={`/kpis/${kpi.id}`} fw={600} id={`kpi-${kpi.id}`}>
          {kpi.name}
        </Anchor>
        <KpiHealthBadge kpi={kpi} />
      </Group>
      <Text size="sm" c="dimmed">
        {kpi.latest ? `${kpi.latest.value}${unit} on ${kpi.latest.asOf}` : 'No values yet'}
        {kpi.trend ? ` · ${TREND[kpi.trend]}` : ''}
        {kpi.ownerName ? ` · ${kpi.ownerName}` : ''}
      </Text>
      <KpiChart kpi={kpi} height={120} />
    </Card>
  );
}

/** A board of KPIs with their health and charts against the bands. */
export function KpiBoard({ filter, empty }: { filter: KpiBoardFilter; empty: string }) {
  const board = useKpiBoard(filter);
  if (board.isPending) return <Text c="dimmed">Loading KPIs…</Text>;
  if (!board.data?.length) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {board.data.map((kpi) => (
          <KpiCard key={kpi.id} kpi={kpi} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

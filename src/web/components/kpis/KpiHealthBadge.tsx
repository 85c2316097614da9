import { Badge } from '@mantine/core';
import type { Kpi } from '../../api/kpis.js';

const COLOR = { healthy: 'green', watch: 'yellow', unhealthy: 'red' } as const;
const LABEL = { healthy: 'Healthy', watch: 'Watch', unhealthy: 'Unhealthy' } as const;

/** Health in words (never by colour alone), with how long it has been unhealthy. */
export function KpiHealthBadge({ kpi }: { kpi: Kpi }) {
  if (!kpi.health)
    return (
      <Badge variant="light" color="gray">
        No values yet
      </Badge>
    );
  const run = kpi.unhealthyPeriods > 1 ? ` · ${kpi.unhealthyPeriods} ${kpi.cadence === 'weekly' ? 'weeks' : 'months'}` : '';
  return (
    <Badge
      color={COLOR[kpi.health]}
      variant={kpi.health === 'unhealthy' ? 'filled' : 'light'}
      c={kpi.health === 'watch' ? 'dark' : undefined}
    >
      {LABEL[kpi.health]}
      {run}
    </Badge>
  );
}

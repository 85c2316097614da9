import { Badge } from '@mantine/core';
import type { Kpi } from '../../api/kpis.js';

// Healthy in the theme's teal, as "on track": Mantine's light green label measures 3.8:1 on its background (axe).
const COLOR = { healthy: 'teal', watch: 'yellow', unhealthy: 'red' } as const;
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

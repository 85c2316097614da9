import { Badge } from '@mantine/core';
import type { AlignmentHealth } from '../../api/across.js';
import { percent } from '../ProgressBar.js';

/** The share of published objectives aligned or standing alone with a reason; healthy at 90 % or more. */
export function HealthBadge({ health }: { health: AlignmentHealth }) {
  if (health.share === null) return <Badge color="gray">Alignment health: nothing published</Badge>;
  return (
    <Badge color={health.healthy ? 'teal' : 'orange'} variant="light" c="dark.7" data-testid="alignment-health">
      Alignment health {percent(health.share)} ({health.alignedOrExplained} of {health.counted} aligned or explained)
    </Badge>
  );
}

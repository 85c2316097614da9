import { Card, SimpleGrid, Text } from '@mantine/core';
import type { CycleSummary } from '../../api/okr-types.js';
import { percent } from '../ProgressBar.js';

function Figure({ label, value, color }: { label: string; value: string | number; color?: string }) {
  return (
    <Card withBorder padding="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}

/** The cycle in five figures: live progress and status while it runs; once closed, its final scores and verdicts. */
export function CycleSummaryCards({ summary }: { summary: CycleSummary }) {
  const { scores } = summary;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" data-testid="cycle-summary">
      <Figure label="Progress" value={percent(summary.averageProgress)} />
      {scores ? (
        <>
          <Figure label="Average score" value={scores.average === null ? '–' : scores.average.toFixed(2)} />
          <Figure label="Met" value={scores.met} color="teal.9" />
          <Figure label="Missed" value={scores.missed} color="red.9" />
          <Figure label="Objectives" value={summary.objectives} />
        </>
      ) : (
        <>
          <Figure label="Expected by now" value={percent(summary.expectedProgress)} />
          <Figure label="On track" value={summary.byStatus.on_track} color="teal.9" />
          <Figure label="At risk / off track" value={`${summary.byStatus.at_risk} / ${summary.byStatus.off_track}`} color="red.9" />
          <Figure label="Stale key results" value={summary.staleKeyResults} />
        </>
      )}
    </SimpleGrid>
  );
}

import { Card, SimpleGrid, Text } from '@mantine/core';
import { memo } from 'react';
import type { CycleSummary } from '../../api/okr-types.js';
import { percent } from '../ProgressBar.js';

/** The current cycle in four figures: progress against the pace, on track, at risk or off track, stale. */
export const CycleAtAGlance = memo(function CycleAtAGlance({ summary: s }: { summary: CycleSummary }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          Organisation progress
        </Text>
        <Text fw={700} fz="xl">
          {percent(s.averageProgress)}
        </Text>
        <Text size="xs" c="dimmed">
          {percent(s.expectedProgress)} expected by now
        </Text>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          On track
        </Text>
        <Text fw={700} fz="xl" c="teal.9">
          {s.byStatus.on_track}
        </Text>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          At risk / off track
        </Text>
        <Text fw={700} fz="xl" c="red.9">
          {s.byStatus.at_risk + s.byStatus.off_track}
        </Text>
      </Card>
      <Card withBorder padding="sm">
        <Text size="xs" c="dimmed">
          Stale key results
        </Text>
        <Text fw={700} fz="xl">
          {s.staleKeyResults}
        </Text>
      </Card>
    </SimpleGrid>
  );
});

import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { Cycle, Objective } from '../../api/okr-types.js';
import { ProgressBar } from '../ProgressBar.js';
import { ProgressChart, ProgressChartPlaceholder, type ChartPoint } from '../ProgressChart.js';
import { StatusBadges } from '../StatusBadge.js';
import { ForecastBadge } from '../okr/ForecastBadge.js';

/** Where the objective stands: status, forecast, progress against the expected pace, and its history as a chart. */
export const ObjectiveProgressCard = memo(function ObjectiveProgressCard({
  o,
  cycle,
  closed,
  points,
}: {
  o: Objective;
  cycle: Cycle | undefined;
  closed: boolean;
  /** The objective's history; undefined while it loads. */
  points: ChartPoint[] | undefined;
}) {
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Progress</Text>
          <Group gap={6}>
            <StatusBadges
              status={o.progressStatus}
              confidence={o.confidence}
              stale={o.stale}
              closed={o.cycleClosed ? { score: o.score, verdict: o.verdict } : undefined}
            />
            {!closed &&
              o.status === 'active' &&
              (cycle && points ? (
                <ForecastBadge points={points} cycle={cycle} />
              ) : (
                // Its place, held while the history loads, so the badges do not wrap later.
                <Badge variant="outline" style={{ visibility: 'hidden' }} aria-hidden>
                  Forecast 100%
                </Badge>
              ))}
          </Group>
        </Group>
        <ProgressBar progress={o.progress} expected={o.cycleClosed ? null : o.expectedProgress} status={o.progressStatus} label={o.title} />
        {o.score !== null && (
          <Text size="sm">
            Final score <strong>{o.score.toFixed(2)}</strong>
          </Text>
        )}
        {points ? <ProgressChart points={points} label={`Progress of ${o.title}`} /> : <ProgressChartPlaceholder />}
      </Stack>
    </Card>
  );
});

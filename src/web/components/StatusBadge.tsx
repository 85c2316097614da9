import { Badge, Group } from '@mantine/core';
import type { ProgressStatus } from '../api/okr-types.js';
import { STATUS_COLOR, STATUS_LABEL } from './ProgressBar.js';

/** Status from pace, with self-reported confidence beside it (never mixed in) and a stale flag. */
export function StatusBadges({
  status,
  confidence,
  stale,
  closed,
}: {
  /** Null for a draft: it has no pace until it is published. */
  status: ProgressStatus | null;
  confidence: number | null;
  stale: boolean;
  /** In a closed cycle the final score and verdict replace live status. */
  closed?: { score: number | null; verdict: 'met' | 'missed' | null };
}) {
  if (closed)
    return (
      <Group gap={6} wrap="nowrap" data-testid="verdict">
        <Badge color="gray" variant="outline">
          Score {closed.score === null ? '–' : closed.score.toFixed(2)}
        </Badge>
        {closed.verdict && (
          <Badge color={closed.verdict === 'met' ? 'teal' : 'red'} variant="light">
            {closed.verdict === 'met' ? 'Met' : 'Missed'}
          </Badge>
        )}
      </Group>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={status ? STATUS_COLOR[status] : 'gray'} variant="light" data-testid="status">
        {status ? STATUS_LABEL[status] : 'Draft'}
      </Badge>
      {confidence !== null && (
        // The browser's own tooltip: Mantine's would bring its positioning library into every page listing key results.
        <Badge variant="outline" color="gray" aria-label={`Confidence ${confidence} of 10`} title="Latest self-reported confidence (0–10)">
          {confidence}/10
        </Badge>
      )}
      {stale && (
        <Badge color="orange" variant="filled" aria-label="No recent check-in">
          Stale
        </Badge>
      )}
    </Group>
  );
}

import { Badge, Group, Tooltip } from '@mantine/core';
import type { ProgressStatus } from '../api/okr-types.js';
import { STATUS_COLOR, STATUS_LABEL } from './ProgressBar.js';

/** Status from pace, with self-reported confidence beside it (never mixed in) and a stale flag. */
export function StatusBadges({
  status,
  confidence,
  stale,
}: {
  /** Null for a draft: it has no pace until it is published. */
  status: ProgressStatus | null;
  confidence: number | null;
  stale: boolean;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={status ? STATUS_COLOR[status] : 'gray'} variant="light" data-testid="status">
        {status ? STATUS_LABEL[status] : 'Draft'}
      </Badge>
      {confidence !== null && (
        <Tooltip label="Latest self-reported confidence (0–10)">
          <Badge variant="outline" color="gray" aria-label={`Confidence ${confidence} of 10`}>
            {confidence}/10
          </Badge>
        </Tooltip>
      )}
      {stale && (
        <Badge color="orange" variant="filled" aria-label="No recent check-in">
          Stale
        </Badge>
      )}
    </Group>
  );
}

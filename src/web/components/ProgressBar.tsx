import { Box, Group, Progress, Text } from '@mantine/core';
import type { ProgressStatus } from '../api/okr-types.js';

export const STATUS_COLOR: Record<ProgressStatus, string> = { on_track: 'teal', at_risk: 'yellow', off_track: 'red' };
export const STATUS_LABEL: Record<ProgressStatus, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };
export const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Progress with a marker where the pace says it should be by now. */
export function ProgressBar({
  progress,
  expected,
  status,
  label,
  size = 'md',
}: {
  progress: number;
  /** Null hides the pace marker: a closed cycle has no pace, only scores. */
  expected: number | null;
  /** Null for a draft: no pace yet. */
  status: ProgressStatus | null;
  label: string;
  size?: 'sm' | 'md';
}) {
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      <Box pos="relative" style={{ flex: 1, minWidth: 60 }}>
        <Progress
          value={progress * 100}
          color={status ? STATUS_COLOR[status] : 'gray'}
          size={size === 'sm' ? 'sm' : 'md'}
          aria-label={`${label}: ${percent(progress)} done${expected === null ? '' : `, ${percent(expected)} expected by now`}`}
        />
        {expected !== null && (
          <Box
            aria-hidden
            title={`Expected by now: ${percent(expected)}`}
            pos="absolute"
            top={-3}
            bottom={-3}
            w={2}
            bg="dark.5"
            style={{ left: `calc(${Math.min(100, expected * 100)}% - 1px)`, borderRadius: 1 }}
            data-testid="pace-marker"
          />
        )}
      </Box>
      <Text size="sm" fw={600} w={44} ta="right" data-testid="progress-value">
        {percent(progress)}
      </Text>
    </Group>
  );
}

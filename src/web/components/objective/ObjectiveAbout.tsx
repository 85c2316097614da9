import { Card, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { Objective } from '../../api/okr-types.js';

/** What the objective is and why it matters now; nothing when its author wrote neither. */
export const ObjectiveAbout = memo(function ObjectiveAbout({ o }: { o: Objective }) {
  if (!o.description && !o.whyImportant && !o.whyUrgent) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        {o.description && <Text>{o.description}</Text>}
        {o.whyImportant && (
          <Text size="sm">
            <strong>Why it matters:</strong> {o.whyImportant}
          </Text>
        )}
        {o.whyUrgent && (
          <Text size="sm">
            <strong>Why now:</strong> {o.whyUrgent}
          </Text>
        )}
      </Stack>
    </Card>
  );
});

import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useObjective } from '../../api/okr-queries.js';

/**
 * "Continued from …" on an objective carried over from an earlier cycle, linking to its predecessor so
 * the lessons and closing note written there are one click away. Says nothing when the predecessor is
 * not readable (deleted, or not visible to this person).
 */
export function ContinuedFrom({ previousObjectiveId }: { previousObjectiveId: string }) {
  const previous = useObjective(previousObjectiveId);
  if (!previous.data) return null;
  return (
    <Text size="sm" c="dimmed">
      Continued from{' '}
      <Anchor component={Link} to={`/objectives/${previous.data.id}`} size="sm" underline="always">
        {previous.data.title}
      </Anchor>
    </Text>
  );
}

import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMyActions } from '../../api/learning.js';

/** "My week": the open actions I own from retrospectives, soonest due first. Hidden when there are none. */
export function MyActions() {
  const actions = useMyActions();
  if (!actions.data?.length) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        My actions from retrospectives
      </Title>
      <List spacing={4}>
        {actions.data.map((action) => (
          <List.Item key={action.id}>
            <Anchor component={Link} to={`/retrospectives/${action.retrospectiveId}`}>
              {action.text}
            </Anchor>{' '}
            <Text span size="sm" c="dimmed">
              due {action.dueDate} · {action.teamName}, {action.cycleName}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

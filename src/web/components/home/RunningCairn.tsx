import { Anchor, Card, List, Title } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';

/** An organisation admin's first steps: teams, people, an API token. */
export const RunningCairn = memo(function RunningCairn() {
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        Running Cairn
      </Title>
      <List spacing={4} size="sm">
        <List.Item>
          <Anchor component={Link} to="/teams">
            Shape departments and teams
          </Anchor>
          : OKRs align through this tree.
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/people">
            Invite colleagues
          </Anchor>{' '}
          and name each team's leads.
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/settings/tokens">
            Create an API token
          </Anchor>{' '}
          to connect your tools (<Anchor href="/api/docs">API docs</Anchor>).
        </List.Item>
      </List>
    </Card>
  );
});

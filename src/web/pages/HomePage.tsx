import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTeams, useUsers } from '../api/queries.js';
import type { Me } from '../api/types.js';

/** A calm start page: who you are, your teams, and the next step in getting the organisation onto Cairn. */
export function HomePage({ me }: { me: Me }) {
  const users = useUsers();
  const teams = useTeams();
  const myMemberships = users.data?.find((u) => u.id === me.user.id)?.teams ?? [];
  const myTeams = (teams.data ?? []).filter((t) => myMemberships.some((m) => m.teamId === t.id));
  const isAdmin = me.user.role !== 'member';
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">Welcome, {me.user.name.split(' ')[0]}</Title>
        <Text c="dimmed">{me.organization.name}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">People</Text>
          <Text fz={28} fw={700}>{users.data?.length ?? '–'}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">Teams and departments</Text>
          <Text fz={28} fw={700}>{teams.data?.length ?? '–'}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">Your teams</Text>
          <Group gap="xs" mt={6}>
            {myTeams.length === 0 ? <Text size="sm">None yet</Text> : myTeams.map((t) => <Anchor key={t.id} component={Link} to={`/teams/${t.id}`} size="sm">{t.name}</Anchor>)}
          </Group>
        </Card>
      </SimpleGrid>
      {isAdmin && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">Getting started</Title>
          <List spacing="xs">
            <List.Item><Anchor component={Link} to="/teams">Shape your departments and teams</Anchor>: OKRs align through this tree.</List.Item>
            <List.Item><Anchor component={Link} to="/people">Invite your colleagues</Anchor> and name each team's leads.</List.Item>
            <List.Item><Anchor component={Link} to="/settings/tokens">Create an API token</Anchor> to connect your tools (API docs at <Anchor href="/api/docs">/api/docs</Anchor>).</List.Item>
          </List>
        </Card>
      )}
    </Stack>
  );
}

import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTeams, useUsers } from '../api/queries.js';
import { OkrSummary } from '../components/OkrSummary.js';

/** One person: who they are, their teams and manager, their OKRs and recent check-ins. */
export function PersonPage() {
  const { id = '' } = useParams();
  const users = useUsers();
  const teams = useTeams();
  const person = users.data?.find((u) => u.id === id);
  if (!person) return <Text c="dimmed">{users.isPending ? 'Loading…' : 'This person does not exist.'}</Text>;
  const manager = users.data?.find((u) => u.id === person.managerId);
  const teamName = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/people" size="sm">
          ← People
        </Anchor>
        <Group gap="sm" mt={4}>
          <Title order={1} size="h2">
            {person.name}
          </Title>
          {!person.active && <Badge color="gray">Deactivated</Badge>}
        </Group>
        <Text c="dimmed">{[person.title, person.email].filter(Boolean).join(' · ')}</Text>
        {manager && (
          <Text size="sm">
            Reports to{' '}
            <Anchor component={Link} to={`/people/${manager.id}`} underline="always">
              {manager.name}
            </Anchor>
          </Text>
        )}
        <Group gap={4} mt={4}>
          {person.teams?.map((m) => (
            <Badge
              key={m.teamId}
              variant={m.role === 'lead' ? 'filled' : 'light'}
              component={Link}
              to={`/teams/${m.teamId}`}
              style={{ cursor: 'pointer' }}
            >
              {teamName.get(m.teamId)}
              {m.role === 'lead' ? ' · lead' : ''}
            </Badge>
          ))}
        </Group>
      </div>
      <OkrSummary
        objectivesQuery={`involves=${person.id}`}
        checkInsPath={`/api/v1/users/${person.id}/check-ins`}
        emptyText={`${person.name.split(' ')[0]} holds no objectives or key results in this cycle.`}
      />
    </Stack>
  );
}

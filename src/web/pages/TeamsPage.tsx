import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { keys, useApiMutation, useTeams } from '../api/queries.js';
import type { Me, Team } from '../api/types.js';
import { useApiSubmit } from '../components/useApiForm.js';
import { flattenTeamTree } from './team-tree.js';

function CreateTeamForm({ teams }: { teams: Team[] }) {
  const create = useApiMutation(
    (body: { name: string; kind: string; parentId: string | null }) => api<Team>('/api/v1/teams', { method: 'POST', body }),
    [keys.teams],
  );
  const form = useForm({ mode: 'controlled', initialValues: { name: '', kind: 'team', parentId: null as string | null } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    await create.mutateAsync(values);
    form.reset();
  });
  return (
    <form onSubmit={onSubmit} aria-label="Create a team">
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Team name" required w={240} {...form.getInputProps('name')} />
        <Select
          label="Kind"
          w={150}
          allowDeselect={false}
          data={[
            { value: 'team', label: 'Team' },
            { value: 'department', label: 'Department' },
          ]}
          {...form.getInputProps('kind')}
        />
        <Select
          label="Part of"
          placeholder="Top level"
          clearable
          w={220}
          data={teams.map((t) => ({ value: t.id, label: t.name }))}
          {...form.getInputProps('parentId')}
        />
        <Button type="submit" loading={busy}>
          Create team
        </Button>
      </Group>
      {formError && (
        <Alert color="red" mt="sm" role="alert">
          {formError}
        </Alert>
      )}
    </form>
  );
}

/** The organisation as a tree of departments and teams. */
export function TeamsPage({ me }: { me: Me }) {
  const teams = useTeams();
  const nodes = flattenTeamTree(teams.data ?? []);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Teams
      </Title>
      {me.can.manageTeams && (
        <Card withBorder>
          <CreateTeamForm teams={teams.data ?? []} />
        </Card>
      )}
      {nodes.length === 0 && !teams.isPending && (
        <Text c="dimmed">No teams yet. Start with your departments, then the teams inside them.</Text>
      )}
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Team tree" data-testid="team-tree">
        {nodes.map(({ team, depth }) => (
          <Group
            key={team.id}
            component="li"
            py={8}
            pl={depth * 28}
            gap="sm"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Anchor component={Link} to={`/teams/${team.id}`} fw={depth === 0 ? 600 : 500}>
              {team.name}
            </Anchor>
            {team.kind === 'department' && (
              <Badge variant="light" size="sm">
                Department
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {team.memberCount ?? 0} {team.memberCount === 1 ? 'person' : 'people'}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

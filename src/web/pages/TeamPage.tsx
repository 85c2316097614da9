import { ActionIcon, Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { TeamMemberRole } from '../../domain/vocabulary.js';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client.js';
import { keys, useApiMutation, useMembers, useTeams, useUsers } from '../api/queries.js';
import type { Team } from '../api/types.js';
import { OkrSummary } from '../components/OkrSummary.js';
import { TeamQualityBadge } from '../components/TeamQualityBadge.js';
import { TeamKpis } from '../components/kpis/TeamKpis.js';
import { TeamDeleteButton } from '../components/TeamDeleteButton.js';
import { TeamDependencyRegister } from '../components/across/TeamDependencyRegister.js';

const showError = (error: unknown) =>
  notifications.show({ color: 'red', title: 'Not saved', message: error instanceof ApiError ? error.message : String(error) });

/** One team: where it sits, its leads and members; admins and leads manage membership. */
export function TeamPage() {
  const { id = '' } = useParams();
  const teams = useTeams();
  const users = useUsers();
  const members = useMembers(id);
  const [newMember, setNewMember] = useState<string | null>(null);
  const team = teams.data?.find((t) => t.id === id);
  const parent = teams.data?.find((t) => t.id === team?.parentId);
  const canManage = team?.can?.manageMembers ?? false;
  const refresh = [keys.members(id), keys.users, keys.teams];
  const setMember = useApiMutation(
    (body: { userId: string; role: TeamMemberRole }) => api(`/api/v1/teams/${id}/members`, { method: 'POST', body }),
    refresh,
  );
  const remove = useApiMutation((userId: string) => api(`/api/v1/teams/${id}/members/${userId}`, { method: 'DELETE' }), refresh);
  const move = useApiMutation(
    (parentId: string | null) => api<Team>(`/api/v1/teams/${id}`, { method: 'PATCH', body: { parentId } }),
    [keys.teams],
  );

  if (!team) return <Text c="dimmed">{teams.isPending ? 'Loading…' : 'This team does not exist.'}</Text>;
  const candidates = (users.data ?? []).filter((u) => u.active && !members.data?.some((m) => m.userId === u.id));
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/teams" size="sm">
          ← Teams
        </Anchor>
        <Group gap="sm" mt={4}>
          <Title order={1} size="h2">
            {team.name}
          </Title>
          <Badge variant="light">{team.kind}</Badge>
          <TeamQualityBadge teamId={team.id} />
          {team.can?.delete && <TeamDeleteButton team={team} />}
        </Group>
        {team.description && <Text c="dimmed">{team.description}</Text>}
      </div>
      {team.can?.edit ? (
        <Select
          label="Part of"
          placeholder="Top level"
          clearable
          w={280}
          value={team.parentId}
          data={(teams.data ?? []).filter((t) => t.id !== team.id).map((t) => ({ value: t.id, label: t.name }))}
          onChange={(parentId) => move.mutate(parentId, { onError: showError })}
        />
      ) : (
        parent && (
          <Text size="sm">
            Part of{' '}
            <Anchor component={Link} to={`/teams/${parent.id}`} underline="always">
              {parent.name}
            </Anchor>
          </Text>
        )
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Members
        </Title>
        {canManage && (
          <Group align="flex-end" mb="md">
            <Select
              label="Add a person"
              placeholder="Choose"
              searchable
              w={260}
              value={newMember}
              onChange={setNewMember}
              data={candidates.map((u) => ({ value: u.id, label: u.name }))}
            />
            <Button
              disabled={!newMember}
              onClick={() =>
                newMember &&
                setMember.mutate({ userId: newMember, role: 'member' }, { onError: showError, onSuccess: () => setNewMember(null) })
              }
            >
              Add
            </Button>
          </Group>
        )}
        <Table aria-label="Team members">
          <Table.Tbody>
            {(members.data ?? []).map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {m.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.title ?? m.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {m.role === 'lead' ? (
                    <Badge>Lead</Badge>
                  ) : (
                    <Badge variant="light" color="gray">
                      Member
                    </Badge>
                  )}
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() =>
                          setMember.mutate({ userId: m.userId, role: m.role === 'lead' ? 'member' : 'lead' }, { onError: showError })
                        }
                      >
                        {m.role === 'lead' ? 'Make member' : 'Make lead'}
                      </Button>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${m.name} from ${team.name}`}
                        onClick={() => remove.mutate(m.userId, { onError: showError })}
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {members.data?.length === 0 && (
          <Text c="dimmed" size="sm">
            Nobody yet.
          </Text>
        )}
      </Card>
      <OkrSummary
        objectivesQuery={`teamId=${team.id}&shared=true`}
        checkInsPath={`/api/v1/teams/${team.id}/check-ins`}
        emptyText="This team has no objectives in this cycle yet."
      />
      <TeamKpis teamId={team.id} canAdd={canManage} />
      <TeamDependencyRegister teamId={team.id} />
    </Stack>
  );
}

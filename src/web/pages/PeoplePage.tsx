import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { notifications } from '@mantine/notifications';
import { api, ApiError } from '../api/client.js';
import { keys, useApiMutation, useInvitations, useTeams, useUsers } from '../api/queries.js';
import type { Me, Role, User } from '../api/types.js';
import { BulkInviteForm } from '../components/people/BulkInviteForm.js';
import { PendingInvitations } from '../components/people/PendingInvitations.js';
import { InviteForm } from './InviteForm.js';
import { ScrollRegion } from '../components/ScrollRegion.js';

const ROLE_OPTIONS = [
  { value: 'member', label: 'Member' },
  { value: 'champion', label: 'OKR champion' },
  { value: 'admin', label: 'Admin' },
  { value: 'owner', label: 'Owner' },
];

const showError = (error: unknown) =>
  notifications.show({ color: 'red', title: 'Not saved', message: error instanceof ApiError ? error.message : String(error) });

/** Everyone in the organisation; admins also invite, change roles and see pending invitations. */
export function PeoplePage({ me }: { me: Me }) {
  const users = useUsers();
  const teams = useTeams();
  const invitations = useInvitations(me.can.invite);
  const teamName = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const nameOf = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const update = useApiMutation(
    ({ id, ...body }: { id: string; role?: Role; managerId?: string | null; active?: boolean }) =>
      api<User>(`/api/v1/users/${id}`, { method: 'PATCH', body }),
    [keys.users],
  );
  const change = (input: { id: string; role?: Role; managerId?: string | null; active?: boolean }) =>
    update.mutate(input, { onError: showError });

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        People
      </Title>
      {me.can.invite && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Invite people
          </Title>
          <InviteForm />
          <Title order={3} size="h5" mt="lg" mb="xs">
            Invite many at once
          </Title>
          <BulkInviteForm />
          <PendingInvitations invitations={invitations.data ?? []} teamName={teamName} />
        </Card>
      )}
      <ScrollRegion label="People" minWidth={640}>
        <Table striped highlightOnHover aria-label="People">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Teams</Table.Th>
              <Table.Th>Manager</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Access</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((user) => (
              <Table.Tr key={user.id} opacity={user.active ? 1 : 0.5}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${user.id}`} size="sm" fw={500}>
                    {user.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {user.title ? `${user.title} · ` : ''}
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.teams?.map((m) => (
                      <Badge key={m.teamId} variant={m.role === 'lead' ? 'filled' : 'light'} size="sm">
                        {teamName.get(m.teamId)}
                        {m.role === 'lead' ? ' · lead' : ''}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {me.can.managePeople ? (
                    <Select
                      aria-label={`Manager of ${user.name}`}
                      size="xs"
                      w={170}
                      clearable
                      placeholder="None"
                      value={user.managerId}
                      data={(users.data ?? []).filter((u) => u.id !== user.id).map((u) => ({ value: u.id, label: u.name }))}
                      onChange={(managerId) => change({ id: user.id, managerId })}
                    />
                  ) : (
                    <Text size="sm">{user.managerId ? nameOf.get(user.managerId) : '—'}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {user.can?.changeRole ? (
                    <Select
                      aria-label={`Role of ${user.name}`}
                      size="xs"
                      w={110}
                      allowDeselect={false}
                      data={ROLE_OPTIONS}
                      value={user.role}
                      onChange={(role) => role && change({ id: user.id, role: role as Role })}
                    />
                  ) : (
                    <Badge variant="light">{user.role}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {user.can?.deactivate ? (
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.name}`}
                      onClick={() => change({ id: user.id, active: !user.active })}
                    >
                      {user.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  ) : (
                    <Text size="sm">{user.active ? 'Active' : 'Deactivated'}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

import { ActionIcon, Card, Code, Table, Text, Title } from '@mantine/core';
import { useCreateServiceToken, useRevokeServiceToken, useServiceTokens } from '../../api/service-tokens.js';
import { TokenCreateForm } from './TokenCreateForm.js';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : 'never');

/** Owners and admins: the organisation's tokens for integrations, each owned by the admin who issued it. */
export function ServiceTokensSection() {
  const tokens = useServiceTokens(true);
  const create = useCreateServiceToken();
  const revoke = useRevokeServiceToken();
  return (
    <Card withBorder component="section" aria-labelledby="service-tokens-title">
      <Title order={2} size="h4" id="service-tokens-title" mb="xs">
        Service tokens
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        For integrations rather than people. A service token acts with its owner&apos;s identity and stops working if they are no longer an
        admin. Every owner and admin sees them all and may revoke any.
      </Text>
      <TokenCreateForm label="Create service token" create={(body) => create.mutateAsync(body)} />
      {!!tokens.data?.length && (
        <Table.ScrollContainer minWidth={720} mt="md">
          <Table aria-label="Service tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Starts with</Table.Th>
                <Table.Th>Scopes</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(tokens.data ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td>{t.owner.name}</Table.Td>
                  <Table.Td>
                    <Code>{t.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{t.scopes.join(', ')}</Table.Td>
                  <Table.Td>{when(t.expiresAt)}</Table.Td>
                  <Table.Td>{when(t.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Revoke service token ${t.name}`}
                      onClick={() => revoke.mutate(t.id)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {tokens.data?.length === 0 && (
        <Text size="sm" c="dimmed" mt="md">
          No service tokens yet.
        </Text>
      )}
    </Card>
  );
}

import { ActionIcon, Card, Code, Table, Text, Title, Stack } from '@mantine/core';
import { api } from '../api/client.js';
import { keys, useApiMutation, useTokens } from '../api/queries.js';
import type { ApiToken, Me } from '../api/types.js';
import { ServiceTokensSection } from '../components/tokens/ServiceTokensSection.js';
import { TokenCreateForm, type TokenBody } from '../components/tokens/TokenCreateForm.js';
import { ConnectAssistantCard } from '../components/profile/ConnectAssistantCard.js';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : 'never');

/** Personal API tokens (the secret is shown once, right after creation) and, for admins, the organisation's service tokens. */
export function TokensPage({ me }: { me: Me }) {
  const tokens = useTokens();
  const create = useApiMutation((body: TokenBody) => api<ApiToken>('/api/v1/tokens', { method: 'POST', body }), [keys.tokens]);
  const revoke = useApiMutation((id: string) => api(`/api/v1/tokens/${id}`, { method: 'DELETE' }), [keys.tokens]);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        API tokens
      </Title>
      <Text c="dimmed">
        Send a token as <Code>Authorization: Bearer …</Code> to any <Code>/api/v1</Code> endpoint. It acts as you, limited to the scopes you
        give it. The API is described at <a href="/api/docs">/api/docs</a>.
      </Text>
      <Card withBorder>
        <TokenCreateForm label="Create token" create={(body) => create.mutateAsync(body)} />
      </Card>
      {tokens.data?.length === 0 && <Text c="dimmed">You have no personal tokens.</Text>}
      {!!tokens.data?.length && (
        // On a phone the table scrolls sideways: its viewport takes focus so the keyboard can scroll it too.
        <Table.ScrollContainer
          minWidth={640}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Your tokens, scrollable' } }}
        >
          <Table aria-label="Your tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
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
                  <Table.Td>
                    <Code>{t.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{t.scopes.join(', ')}</Table.Td>
                  <Table.Td>{when(t.expiresAt)}</Table.Td>
                  <Table.Td>{when(t.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Revoke token ${t.name}`} onClick={() => revoke.mutate(t.id)}>
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {me.can.manageServiceTokens && <ServiceTokensSection />}
      <ConnectAssistantCard />
    </Stack>
  );
}

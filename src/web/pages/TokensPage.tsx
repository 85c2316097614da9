import { Card, Code, Text, Title, Stack } from '@mantine/core';
import { api } from '../api/client.js';
import { keys, useApiMutation, useTokens } from '../api/queries.js';
import type { ApiToken, Me } from '../api/types.js';
import { ServiceTokensSection } from '../components/tokens/ServiceTokensSection.js';
import { TokenCreateForm, type TokenBody } from '../components/tokens/TokenCreateForm.js';
import { TokenTable } from '../components/tokens/TokenTable.js';
import { ConnectAssistantCard } from '../components/profile/ConnectAssistantCard.js';

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
        <TokenTable
          label="Your tokens"
          tokens={tokens.data}
          columns={['scopes', 'expires']}
          revokeLabel="Revoke token"
          onRevoke={(id) => revoke.mutate(id)}
        />
      )}
      {me.can.manageServiceTokens && <ServiceTokensSection />}
      <ConnectAssistantCard />
    </Stack>
  );
}

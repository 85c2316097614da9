import { Box, Card, Text, Title } from '@mantine/core';
import { useCreateServiceToken, useRevokeServiceToken, useServiceTokens } from '../../api/service-tokens.js';
import { TokenCreateForm } from './TokenCreateForm.js';
import { TokenTable } from './TokenTable.js';

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
        <Box mt="md">
          <TokenTable
            label="Service tokens"
            tokens={tokens.data}
            columns={['owner', 'scopes', 'expires']}
            revokeLabel="Revoke service token"
            onRevoke={(id) => revoke.mutate(id)}
            minWidth={720}
          />
        </Box>
      )}
      {tokens.data?.length === 0 && (
        <Text size="sm" c="dimmed" mt="md">
          No service tokens yet.
        </Text>
      )}
    </Card>
  );
}

import { Alert, Box, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useCreateScimToken, useRevokeScimToken, useScimTokens } from '../api/scim.js';
import type { Me } from '../api/types.js';
import { ScimMappingCard } from '../components/scim/ScimMappingCard.js';
import { TokenShownOnce } from '../components/tokens/TokenShownOnce.js';
import { TokenTable } from '../components/tokens/TokenTable.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** Provisioning from an identity provider (owners and admins): the base URL to enter there, its SCIM tokens, what is mapped. */
export function ScimSettingsPage({ me }: { me: Me }) {
  return (
    // miw 0: as a flex item the page may shrink to a phone's width; the token table scrolls inside its card.
    <Stack gap="lg" maw={860} miw={0}>
      <div>
        <Title order={1} size="h2">
          Provisioning (SCIM)
        </Title>
        <Text c="dimmed">
          Your identity provider (Okta, Microsoft Entra…) creates, updates and deactivates people and teams in Cairn over SCIM 2.0. Enter
          the base URL and a SCIM token in its provisioning settings.
        </Text>
      </div>
      {me.can.manageOrganization ? <ScimConnection /> : <Text>Only owners and admins set up provisioning.</Text>}
      <ScimMappingCard />
    </Stack>
  );
}

function ScimConnection() {
  const tokens = useScimTokens();
  const revoke = useRevokeScimToken();
  const baseUrl = tokens.data?.baseUrl ?? '';
  return (
    <>
      <Card withBorder>
        <Group align="flex-end">
          <TextInput label="SCIM base URL" readOnly value={baseUrl} style={{ flex: '1 1 260px' }} />
          <CopyButton value={baseUrl}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy base URL'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Card>
      <Card withBorder component="section" aria-labelledby="scim-tokens-title">
        <Title order={2} size="h4" id="scim-tokens-title" mb="xs">
          SCIM tokens
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          A SCIM token acts for the organisation, not for you, and can create and deactivate anyone: give it only to your identity provider.
          Revoking it stops provisioning at once.
        </Text>
        <ScimTokenForm />
        {tokens.data?.tokens.length ? (
          <Box mt="md">
            <TokenTable
              label="SCIM tokens"
              tokens={tokens.data.tokens}
              columns={['created']}
              revokeLabel="Revoke SCIM token"
              onRevoke={(id) => revoke.mutate(id)}
              minWidth={560}
            />
          </Box>
        ) : (
          tokens.data && (
            <Text size="sm" c="dimmed" mt="md">
              No SCIM tokens yet.
            </Text>
          )
        )}
      </Card>
    </>
  );
}

function ScimTokenForm() {
  const create = useCreateScimToken();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { name: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setSecret((await create.mutateAsync(values)).token);
    form.reset();
  });
  return (
    <>
      <form onSubmit={onSubmit} aria-label="Create SCIM token">
        <Group align="flex-end">
          <TextInput label="Token name" placeholder="e.g. Microsoft Entra" required w={280} maw="100%" {...form.getInputProps('name')} />
          <Button type="submit" loading={busy}>
            Create SCIM token
          </Button>
        </Group>
      </form>
      {formError && (
        <Alert color="red" mt="sm" role="alert">
          {formError}
        </Alert>
      )}
      {secret && <TokenShownOnce token={secret} />}
    </>
  );
}

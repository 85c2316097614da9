import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../api/client.js';
import { keys, useApiMutation, useTokens } from '../api/queries.js';
import type { ApiToken, TokenScope } from '../api/types.js';
import { useApiSubmit } from '../components/useApiForm.js';
import { ConnectAssistantCard } from '../components/profile/ConnectAssistantCard.js';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : 'never');

const SCOPES: { value: TokenScope; label: string }[] = [
  { value: 'read', label: 'Read' },
  { value: 'write:check-ins', label: 'Post check-ins' },
  { value: 'write:okrs', label: 'Edit OKRs' },
  { value: 'admin', label: 'Administer (admins only; includes the others)' },
];
const EXPIRIES = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];
type TokenForm = { name: string; scopes: TokenScope[]; expiry: string };
const bodyOf = ({ name, scopes, expiry }: TokenForm) => ({ name, scopes, expiresInDays: expiry === 'never' ? undefined : Number(expiry) });

/** Personal API tokens: the secret is shown once, right after creation. */
export function TokensPage() {
  const tokens = useTokens();
  const [created, setCreated] = useState<ApiToken | null>(null);
  const create = useApiMutation(
    (values: TokenForm) => api<ApiToken>('/api/v1/tokens', { method: 'POST', body: bodyOf(values) }),
    [keys.tokens],
  );
  const revoke = useApiMutation((id: string) => api(`/api/v1/tokens/${id}`, { method: 'DELETE' }), [keys.tokens]);
  const form = useForm<TokenForm>({ mode: 'controlled', initialValues: { name: '', scopes: ['read'], expiry: '90' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setCreated(await create.mutateAsync(values));
    form.reset();
  });
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
        <form onSubmit={onSubmit} aria-label="Create a token">
          <Group align="flex-end">
            <TextInput label="Token name" placeholder="e.g. BI dashboard" required w={280} maw="100%" {...form.getInputProps('name')} />
            <NativeSelect label="Expires after" data={EXPIRIES} w={160} {...form.getInputProps('expiry')} />
            <Button type="submit" loading={busy}>
              Create token
            </Button>
          </Group>
          <Checkbox.Group label="Scopes" mt="sm" {...form.getInputProps('scopes')}>
            <Group mt={4} gap="md">
              {SCOPES.map((scope) => (
                <Checkbox key={scope.value} value={scope.value} label={scope.label} />
              ))}
            </Group>
          </Checkbox.Group>
        </form>
        {formError && (
          <Alert color="red" mt="sm" role="alert">
            {formError}
          </Alert>
        )}
        {created?.token && (
          <Alert color="yellow" mt="md" title="Copy your token now: it will not be shown again" role="status">
            <Group gap="xs" wrap="nowrap">
              <Code style={{ overflowWrap: 'anywhere' }}>{created.token}</Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
      </Card>
      {/* On a phone the table scrolls sideways: its viewport takes focus so the keyboard can scroll it too. */}
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
      <ConnectAssistantCard />
    </Stack>
  );
}

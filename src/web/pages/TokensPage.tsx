import { ActionIcon, Alert, Button, Card, Code, CopyButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../api/client.js';
import { keys, useApiMutation, useTokens } from '../api/queries.js';
import type { ApiToken } from '../api/types.js';
import { useApiSubmit } from '../components/useApiForm.js';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : 'never');

/** Personal API tokens: the secret is shown once, right after creation. */
export function TokensPage() {
  const tokens = useTokens();
  const [created, setCreated] = useState<ApiToken | null>(null);
  const create = useApiMutation((body: { name: string }) => api<ApiToken>('/api/v1/tokens', { method: 'POST', body }), [keys.tokens]);
  const revoke = useApiMutation((id: string) => api(`/api/v1/tokens/${id}`, { method: 'DELETE' }), [keys.tokens]);
  const form = useForm({ mode: 'controlled', initialValues: { name: '' } });
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
        Send a token as <Code>Authorization: Bearer …</Code> to any <Code>/api/v1</Code> endpoint. It acts as you. The API is described at{' '}
        <a href="/api/docs">/api/docs</a>.
      </Text>
      <Card withBorder>
        <form onSubmit={onSubmit} aria-label="Create a token">
          <Group align="flex-end">
            <TextInput label="Token name" placeholder="e.g. BI dashboard" required w={280} {...form.getInputProps('name')} />
            <Button type="submit" loading={busy}>
              Create token
            </Button>
          </Group>
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
      <Table aria-label="Your tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Starts with</Table.Th>
            <Table.Th>Created</Table.Th>
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
              <Table.Td>{when(t.createdAt)}</Table.Td>
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
    </Stack>
  );
}

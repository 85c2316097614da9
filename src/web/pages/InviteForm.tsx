import { Alert, Button, Code, CopyButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../api/client.js';
import { keys, useApiMutation, useTeams } from '../api/queries.js';
import type { Invitation } from '../api/types.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** Invite by email; the link is always shown, because e-mail may not be configured. */
export function InviteForm() {
  const teams = useTeams();
  const [created, setCreated] = useState<Invitation | null>(null);
  const invite = useApiMutation(
    (body: { email: string; role: string; teamId: string | null }) => api<Invitation>('/api/v1/invitations', { method: 'POST', body }),
    [keys.invitations],
  );
  const form = useForm({ mode: 'controlled', initialValues: { email: '', role: 'member', teamId: null as string | null } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setCreated(await invite.mutateAsync(values));
    form.reset();
  });
  return (
    <Stack>
      <form onSubmit={onSubmit} aria-label="Invite a person">
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Email" type="email" required w={260} {...form.getInputProps('email')} />
          <Select
            label="Role"
            data={[
              { value: 'member', label: 'Member' },
              { value: 'champion', label: 'OKR champion' },
              { value: 'admin', label: 'Admin' },
            ]}
            w={160}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <Select
            label="Team (optional)"
            placeholder="No team"
            clearable
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            w={200}
            {...form.getInputProps('teamId')}
          />
          <Button type="submit" loading={busy}>
            Send invitation
          </Button>
        </Group>
      </form>
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      {created?.link && (
        <Alert color="teal" title={`Invitation for ${created.email}`} role="status">
          <Text size="sm" mb="xs">
            {created.emailStatus === 'sent' ? 'We e-mailed this link.' : 'E-mail is not configured: share this link with them.'}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ overflowWrap: 'anywhere' }} data-testid="invite-link">
              {created.link}
            </Code>
            <CopyButton value={created.link}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

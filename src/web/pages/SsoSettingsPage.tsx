import { ActionIcon, Alert, Button, Card, Code, Group, PasswordInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTeams } from '../api/queries.js';
import { removeSsoConfig, saveSsoConfig, ssoConfigKey, useSsoConfig, type SsoConfig, type SsoGroupMapping } from '../api/sso.js';
import type { Me } from '../api/types.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** Single sign-on with OpenID Connect (owners and admins): the provider, allowed domains, password sign-in, group mappings. */
export function SsoSettingsPage({ me }: { me: Me }) {
  const config = useSsoConfig();
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1} size="h2">
          Single sign-on
        </Title>
        <Text c="dimmed">
          People sign in through your identity provider (OpenID Connect). Their first sign-in creates their Cairn account, or links it by
          verified e-mail.
        </Text>
      </div>
      {!me.can.manageOrganization ? (
        <Text>Only owners and admins configure single sign-on.</Text>
      ) : config.data ? (
        <Card withBorder>
          <SsoForm config={config.data} />
        </Card>
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </Stack>
  );
}

const ROLE_OPTIONS = [
  { value: 'member', label: 'Member' },
  { value: 'champion', label: 'OKR champion' },
  { value: 'admin', label: 'Admin' },
];

function SsoForm({ config }: { config: SsoConfig }) {
  const queryClient = useQueryClient();
  const teams = useTeams();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: config.name ?? '',
      issuer: config.issuer ?? '',
      clientId: config.clientId ?? '',
      clientSecret: '',
      allowedDomains: (config.allowedDomains ?? []).join(', '),
      passwordSignIn: config.passwordSignIn ?? true,
      groupMappings: (config.groupMappings ?? []) as SsoGroupMapping[],
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setSaved(null);
    const next = await saveSsoConfig({
      ...values,
      clientSecret: values.clientSecret || undefined,
      allowedDomains: values.allowedDomains.split(/[\s,]+/).filter(Boolean),
      groupMappings: values.groupMappings.map((m) => ({ group: m.group, teamId: m.teamId || undefined, role: m.role || undefined })),
    });
    queryClient.setQueryData(ssoConfigKey, next);
    form.setFieldValue('clientSecret', '');
    setSaved('Saved. People can now sign in with ' + (next.name ?? 'your provider') + '.');
  });
  const remove = async () => {
    await removeSsoConfig();
    await queryClient.invalidateQueries({ queryKey: ssoConfigKey });
    setSaved('Single sign-on removed; people sign in with their passwords.');
  };
  const teamOptions = (teams.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Text size="sm">
          Register this redirect URI at your identity provider: <Code style={{ wordBreak: 'break-all' }}>{config.callbackUrl}</Code>
        </Text>
        <TextInput label="Provider name" description='Shown as "Sign in with …"' required {...form.getInputProps('name')} />
        <TextInput
          label="Issuer URL"
          description="https only; Cairn reads its /.well-known/openid-configuration when you save"
          required
          {...form.getInputProps('issuer')}
        />
        <TextInput label="Client id" required {...form.getInputProps('clientId')} />
        <PasswordInput
          label="Client secret"
          description={config.clientSecretSet ? 'A secret is stored. Leave empty to keep it.' : 'Never shown again after saving.'}
          required={!config.clientSecretSet}
          autoComplete="off"
          {...form.getInputProps('clientSecret')}
        />
        <TextInput
          label="Allowed e-mail domains"
          description="Comma-separated, e.g. acme.com, acme.co.uk"
          required
          {...form.getInputProps('allowedDomains')}
        />
        <Switch
          label="Password sign-in stays on"
          description="When off, only owners can still sign in with a password (the break-glass path if the provider is down)."
          {...form.getInputProps('passwordSignIn', { type: 'checkbox' })}
        />
        <Title order={2} size="h4">
          Group mappings
        </Title>
        <Text size="sm" c="dimmed">
          At each sign-in, people in a group of the provider&apos;s groups claim join its team and take its role (never an owner&apos;s).
        </Text>
        {form.getValues().groupMappings.map((_, i) => (
          <Group key={i} align="flex-end" wrap="wrap">
            <TextInput label="Group" required {...form.getInputProps(`groupMappings.${i}.group`)} />
            <Select label="Team" clearable data={teamOptions} {...form.getInputProps(`groupMappings.${i}.teamId`)} />
            <Select label="Role" clearable data={ROLE_OPTIONS} {...form.getInputProps(`groupMappings.${i}.role`)} />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove mapping ${i + 1}`}
              onClick={() => form.removeListItem('groupMappings', i)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('groupMappings', { group: '' })}>
            Add a group mapping
          </Button>
        </Group>
        {saved && (
          <Alert color="teal" role="status">
            {saved}
          </Alert>
        )}
        <Group justify="space-between">
          {config.configured ? (
            <Button variant="subtle" color="red" onClick={() => void remove()}>
              Remove single sign-on
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={busy}>
            Save single sign-on
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Card, Code, Group, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { saveSsoConfig, ssoConfigKey, useSsoConfig, type SsoConfig, type SsoGroupMapping } from '../api/sso.js';
import type { Me } from '../api/types.js';
import { SsoAccessFields, useSsoNotice } from '../components/sso/SsoAccessFields.js';
import { SamlSsoForm } from '../components/sso/SamlSsoForm.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** Single sign-on (owners and admins): OpenID Connect or SAML 2.0, allowed domains, password sign-in, group mappings. */
export function SsoSettingsPage({ me }: { me: Me }) {
  const config = useSsoConfig();
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1} size="h2">
          Single sign-on
        </Title>
        <Text c="dimmed">
          People sign in through your identity provider (OpenID Connect or SAML 2.0). Their first sign-in creates their Cairn account, or
          links it by verified e-mail.
        </Text>
      </div>
      {!me.can.manageOrganization ? (
        <Text>Only owners and admins configure single sign-on.</Text>
      ) : config.data ? (
        <ProtocolChoice config={config.data} />
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </Stack>
  );
}

function ProtocolChoice({ config }: { config: SsoConfig }) {
  const [protocol, setProtocol] = useState<string>(config.protocol ?? 'oidc');
  return (
    <Card withBorder>
      <Stack>
        <Radio.Group label="Protocol" value={protocol} onChange={setProtocol}>
          <Group mt="xs">
            <Radio value="oidc" label="OpenID Connect" />
            <Radio value="saml" label="SAML 2.0" />
          </Group>
        </Radio.Group>
        {protocol === 'saml' ? <SamlSsoForm config={config} /> : <SsoForm config={config} />}
      </Stack>
    </Card>
  );
}

function SsoForm({ config }: { config: SsoConfig }) {
  const queryClient = useQueryClient();
  const { saved, setSaved, remove } = useSsoNotice();
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
        <SsoAccessFields
          form={form}
          saved={saved}
          configured={config.configured}
          busy={busy}
          onRemove={() => void remove()}
          addMapping={() => form.insertListItem('groupMappings', { group: '' })}
        />
      </Stack>
    </form>
  );
}

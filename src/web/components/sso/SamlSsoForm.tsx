import { Alert, Code, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { saveSamlConfig, ssoConfigKey, type SsoConfig, type SsoGroupMapping } from '../../api/sso.js';
import { useApiSubmit } from '../useApiForm.js';
import { SsoAccessFields, useSsoNotice } from './SsoAccessFields.js';

const Address = ({ label, value }: { label: string; value: string }) => (
  <Text size="sm">
    {label}: <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
  </Text>
);

/** SAML 2.0: what to register at the IdP, the IdP by metadata or by its fields, domains, password sign-in, groups. */
export function SamlSsoForm({ config }: { config: SsoConfig }) {
  const queryClient = useQueryClient();
  const { saved, setSaved, remove } = useSsoNotice();
  const saml = config.protocol === 'saml';
  const [source, setSource] = useState(saml && !config.idpMetadata ? 'fields' : 'metadata');
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: config.name ?? '',
      idpMetadata: (saml && config.idpMetadata) || '',
      entryPoint: (saml && config.entryPoint) || '',
      idpEntityId: (saml && config.idpEntityId) || '',
      certificate: (saml && config.certificate) || '',
      emailAttribute: config.emailAttribute ?? 'email',
      groupsAttribute: config.groupsAttribute ?? 'groups',
      allowedDomains: (config.allowedDomains ?? []).join(', '),
      passwordSignIn: config.passwordSignIn ?? true,
      groupMappings: (config.groupMappings ?? []) as SsoGroupMapping[],
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    setSaved(null);
    const next = await saveSamlConfig({
      name: v.name,
      ...(source === 'metadata'
        ? { idpMetadata: v.idpMetadata }
        : { entryPoint: v.entryPoint, idpEntityId: v.idpEntityId, certificate: v.certificate }),
      emailAttribute: v.emailAttribute || undefined,
      groupsAttribute: v.groupsAttribute || undefined,
      allowedDomains: v.allowedDomains.split(/[\s,]+/).filter(Boolean),
      passwordSignIn: v.passwordSignIn,
      groupMappings: v.groupMappings.map((m) => ({ group: m.group, teamId: m.teamId || undefined, role: m.role || undefined })),
    });
    queryClient.setQueryData(ssoConfigKey, next);
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
        <Text size="sm">Register Cairn at your identity provider with these:</Text>
        <Address label="ACS URL (Okta: Single sign-on URL; Entra: Reply URL)" value={config.acsUrl} />
        <Address label="SP entity ID (Okta: Audience URI; Entra: Identifier)" value={config.spEntityId} />
        <Address label="SP metadata, once saved" value={config.spMetadataUrl} />
        <TextInput label="Provider name" description='Shown as "Sign in with …"' required {...form.getInputProps('name')} />
        <Radio.Group label="Identity provider settings" value={source} onChange={setSource}>
          <Group mt="xs">
            <Radio value="metadata" label="Metadata XML" />
            <Radio value="fields" label="Sign-in URL and certificate" />
          </Group>
        </Radio.Group>
        {source === 'metadata' ? (
          <Textarea
            label="IdP metadata XML"
            description="Okta: Sign On → SAML 2.0 → Metadata details; Entra: Federation Metadata XML"
            autosize
            minRows={4}
            maxRows={12}
            required
            {...form.getInputProps('idpMetadata')}
          />
        ) : (
          <>
            <TextInput
              label="IdP sign-in URL"
              description="https; the SAML 2.0 single sign-on URL"
              required
              {...form.getInputProps('entryPoint')}
            />
            <TextInput label="IdP entity ID" description="The issuer its responses name" required {...form.getInputProps('idpEntityId')} />
            <Textarea
              label="IdP signing certificate"
              description="PEM"
              autosize
              minRows={4}
              maxRows={12}
              required
              {...form.getInputProps('certificate')}
            />
          </>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="E-mail attribute" description="Else the NameID (e-mail format)" {...form.getInputProps('emailAttribute')} />
          <TextInput label="Groups attribute" {...form.getInputProps('groupsAttribute')} />
        </Group>
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

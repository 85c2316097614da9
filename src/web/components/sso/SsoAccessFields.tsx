import { Alert, Button, Group, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { removeSsoConfig, ssoConfigKey, type SsoGroupMapping } from '../../api/sso.js';
import { GroupMappingsFields } from './GroupMappingsFields.js';

/** What both protocols' forms hold besides the provider itself. */
export interface SsoAccessValues {
  allowedDomains: string;
  passwordSignIn: boolean;
  groupMappings: SsoGroupMapping[];
}

/** The notice both forms show after a save or a removal, and the removal itself. */
export function useSsoNotice() {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const remove = async () => {
    await removeSsoConfig();
    await queryClient.invalidateQueries({ queryKey: ssoConfigKey });
    setSaved('Single sign-on removed; people sign in with their passwords.');
  };
  return { saved, setSaved, remove };
}

interface Props<V extends SsoAccessValues> {
  form: UseFormReturnType<V>;
  saved: string | null;
  configured: boolean;
  busy: boolean;
  onRemove(): void;
  /** Adds an empty mapping (the caller's form knows its own list type). */
  addMapping(): void;
}

/**
 * Who may come in and as what (allowed domains, the password switch, group mappings), the saved notice and the
 * save/remove buttons: the same for OpenID Connect and SAML.
 */
export function SsoAccessFields<V extends SsoAccessValues>({ form, saved, configured, busy, onRemove, addMapping }: Props<V>) {
  return (
    <>
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
      <GroupMappingsFields
        mappings={form.getValues().groupMappings}
        inputProps={(path) => form.getInputProps(`groupMappings.${path}`)}
        add={addMapping}
        remove={(i) => form.removeListItem('groupMappings', i)}
      />
      {saved && (
        <Alert color="teal" role="status">
          {saved}
        </Alert>
      )}
      <Group justify="space-between">
        {configured ? (
          <Button variant="subtle" color="red" onClick={onRemove}>
            Remove single sign-on
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" loading={busy}>
          Save single sign-on
        </Button>
      </Group>
    </>
  );
}

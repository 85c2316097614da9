import { Alert, Button, Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { ApiToken, TokenScope } from '../../api/types.js';
import { useApiSubmit } from '../useApiForm.js';
import { TokenShownOnce } from './TokenShownOnce.js';

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
export type TokenBody = { name: string; scopes: TokenScope[]; expiresInDays?: number };
const bodyOf = ({ name, scopes, expiry }: TokenForm): TokenBody => ({
  name,
  scopes,
  expiresInDays: expiry === 'never' ? undefined : Number(expiry),
});

/** Name, scopes and expiry; the secret is shown once, right after creation, with a copy button. */
export function TokenCreateForm({ label, create }: { label: string; create: (body: TokenBody) => Promise<ApiToken> }) {
  const [created, setCreated] = useState<ApiToken | null>(null);
  const form = useForm<TokenForm>({ mode: 'controlled', initialValues: { name: '', scopes: ['read'], expiry: '90' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setCreated(await create(bodyOf(values)));
    form.reset();
  });
  return (
    <>
      <form onSubmit={onSubmit} aria-label={label}>
        <Group align="flex-end">
          <TextInput label="Token name" placeholder="e.g. BI dashboard" required w={280} maw="100%" {...form.getInputProps('name')} />
          <NativeSelect label="Expires after" data={EXPIRIES} w={160} {...form.getInputProps('expiry')} />
          <Button type="submit" loading={busy}>
            {label}
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
      {created?.token && <TokenShownOnce token={created.token} />}
    </>
  );
}

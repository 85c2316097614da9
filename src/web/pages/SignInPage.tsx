import { Alert, Anchor, Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { startSso, useSignInProviders } from '../api/sso.js';
import { AuthCard } from '../components/AuthCard.js';
import { useApiSubmit } from '../components/useApiForm.js';

export function SignInPage() {
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { email: '', password: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    await api('/api/auth/sign-in/email', { method: 'POST', body: values });
    await queryClient.invalidateQueries({ queryKey: ['me'] });
  });
  return (
    <AuthCard title="Sign in" subtitle="Welcome back. Sign in to see your objectives.">
      <SingleSignOn />
      <form onSubmit={onSubmit}>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Email" type="email" required autoComplete="email" {...form.getInputProps('email')} />
          <PasswordInput label="Password" required autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot password?
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}

/** "Sign in with <provider>" for each configured identity provider, and why the last attempt was refused. */
function SingleSignOn() {
  const providers = useSignInProviders();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const refusal = params.get('error') ? (params.get('error_description') ?? params.get('error')) : null;
  const list = providers.data?.providers ?? [];
  if (list.length === 0 && !refusal) return null;
  return (
    <Stack mb="md">
      {(refusal ?? error) && (
        <Alert color="red" role="alert" title="Single sign-on did not sign you in">
          {error ?? refusal}
        </Alert>
      )}
      {list.map((p) => (
        <Button key={p.providerId} variant="default" onClick={() => startSso(p.providerId).catch((e: Error) => setError(e.message))}>
          Sign in with {p.name}
        </Button>
      ))}
      {list.length > 0 && <Divider label="or with your password" labelPosition="center" />}
    </Stack>
  );
}

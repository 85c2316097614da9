import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
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

import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../api/password-reset.js';
import { AuthCard } from '../components/AuthCard.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** "Forgot password?": asks for the address and says what happens next, never whether it exists. */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : 'Enter a valid email address.') },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async ({ email }) => setSent((await requestPasswordReset(email)).message));
  return (
    <AuthCard title="Reset your password" subtitle="Enter your work e-mail. We send a link that works once, for 30 minutes.">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {sent && (
            <Alert color="teal" role="status">
              {sent}
            </Alert>
          )}
          <TextInput label="Email" type="email" required autoComplete="email" {...form.getInputProps('email')} />
          <Button type="submit" loading={busy}>
            Send reset link
          </Button>
          <Anchor component={Link} to="/" size="sm">
            Back to sign in
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}

import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { confirmPasswordReset } from '../api/password-reset.js';
import { AuthCard } from '../components/AuthCard.js';
import { useApiSubmit } from '../components/useApiForm.js';

const PASSWORD_MIN = 10;

/** Opened from the reset e-mail: the token is in the link, the person chooses the new password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { token: params.get('token') ?? '', newPassword: '' },
    validate: { newPassword: (v) => (v.length >= PASSWORD_MIN ? null : `Use at least ${PASSWORD_MIN} characters.`) },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async ({ token, newPassword }) =>
    setDone((await confirmPasswordReset(token, newPassword)).message),
  );
  // The token is no field the person can fix, so its refusal shows as the form's message.
  const tokenError = form.errors.token;
  return (
    <AuthCard title="Choose a new password" subtitle="Every device signed in with the old password is signed out.">
      {done ? (
        <Stack>
          <Alert color="teal" role="status">
            {done}
          </Alert>
          <Anchor component={Link} to="/">
            Sign in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {(formError ?? tokenError) && (
              <Alert color="red" role="alert">
                {formError ?? tokenError}{' '}
                <Anchor component={Link} to="/forgot-password">
                  Ask for a new link
                </Anchor>
              </Alert>
            )}
            <PasswordInput
              label="New password"
              description={`At least ${PASSWORD_MIN} characters`}
              required
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <Button type="submit" loading={busy}>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

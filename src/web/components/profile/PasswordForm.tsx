import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { useApiSubmit } from '../useApiForm.js';

/** Changing your password signs out every other session (a lost laptop, a shared computer). */
export function PasswordForm() {
  const [changed, setChanged] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { currentPassword: '', newPassword: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    setChanged(false);
    await api('/api/v1/me/password', { method: 'PUT', body: values });
    form.reset();
    setChanged(true);
  });
  return (
    <form onSubmit={onSubmit} aria-label="Change your password">
      <Stack gap="sm">
        <PasswordInput label="Current password" required autoComplete="current-password" {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label="New password"
          description="At least 10 characters."
          required
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          Change password
        </Button>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {changed && (
          <Alert color="teal" role="status">
            Password changed. Every other session was signed out.
          </Alert>
        )}
      </Stack>
    </form>
  );
}

import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Me } from '../api/types.js';
import { AuthCard } from '../components/AuthCard.js';
import { useApiSubmit } from '../components/useApiForm.js';

const PASSWORD_MIN = 10;

/** First run: the organisation and its owner. The server checks everything again. */
export function SetupPage() {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { setupCode: '', organization: '', name: '', email: '', password: '' },
    validate: {
      setupCode: (v) => (v.trim() ? null : 'Required.'),
      organization: (v) => (v.trim() ? null : 'Required.'),
      name: (v) => (v.trim() ? null : 'Required.'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : 'Enter a valid email address.'),
      password: (v) => (v.length >= PASSWORD_MIN ? null : `Use at least ${PASSWORD_MIN} characters.`),
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await api<Me>('/api/v1/setup', { method: 'POST', body: { ...values, timeZone } });
    // /me, not the setup answer: it carries what the new owner may do (`can`), which the pages render from.
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    queryClient.setQueryData(['setup'], { needed: false });
  });
  return (
    <AuthCard title="Set up Cairn" subtitle="Name your organisation and create the owner account. You can invite everyone else next.">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Setup code"
            description="Cairn printed it to its log when it first started (or it is CAIRN_SETUP_TOKEN)."
            required
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('setupCode')}
          />
          <TextInput label="Organisation name" required {...form.getInputProps('organization')} />
          <TextInput label="Your name" required autoComplete="name" {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required autoComplete="email" {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN} characters`}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy}>
            Create organisation
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

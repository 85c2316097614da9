import { Alert, Button, Center, Loader, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client.js';
import { AuthCard } from '../components/AuthCard.js';
import { useApiSubmit } from '../components/useApiForm.js';

/** Opened from the invitation link: choose a name and password, and you are in. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<{ email: string; organization: string }>(`/api/v1/invitations/by-token/${encodeURIComponent(token)}`),
    retry: false,
  });
  const form = useForm({ mode: 'controlled', initialValues: { name: '', password: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    await api('/api/v1/invitations/accept', { method: 'POST', body: { token, ...values } });
    await queryClient.invalidateQueries();
    navigate('/', { replace: true });
  });
  if (invitation.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading invitation" />
      </Center>
    );
  }
  if (invitation.isError) {
    return (
      <AuthCard title="Invitation not valid">
        <Alert color="red" role="alert">
          {invitation.error.message}
        </Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${invitation.data.organization}`} subtitle={`You were invited as ${invitation.data.email}.`}>
      <form onSubmit={onSubmit}>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Your name" required autoComplete="name" {...form.getInputProps('name')} />
          <PasswordInput
            label="Choose a password"
            description="At least 10 characters"
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy}>
            Join
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

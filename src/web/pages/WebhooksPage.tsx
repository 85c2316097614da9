import { Alert, Button, Card, Checkbox, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useApiMutation } from '../api/queries.js';
import { createWebhook, useWebhooks, WEBHOOK_EVENTS, webhookKeys, type WebhookWithSecret } from '../api/webhooks.js';
import { useApiSubmit } from '../components/useApiForm.js';
import { EndpointCard } from '../components/webhooks/EndpointCard.js';
import { SecretOnce } from '../components/webhooks/SecretOnce.js';

type EndpointForm = { url: string; description: string; events: string[] };

/** Signed event webhooks (docs/webhooks.md): admins and champions register endpoints for chosen events. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const create = useApiMutation(createWebhook, [webhookKeys.all]);
  const form = useForm<EndpointForm>({ mode: 'controlled', initialValues: { url: '', description: '', events: ['check_in.created'] } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async ({ url, description, events }) => {
    setSecret(await create.mutateAsync({ url, events, description: description || undefined }));
    form.reset();
  });
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Webhooks
      </Title>
      <Text c="dimmed">
        Cairn POSTs each chosen event as JSON to your endpoint, signed in the Standard Webhooks form (<Code>webhook-id</Code>,{' '}
        <Code>webhook-timestamp</Code>, <Code>webhook-signature</Code>), and retries with backoff when it does not answer 2xx.
      </Text>
      <Card withBorder>
        <form onSubmit={onSubmit} aria-label="Add a webhook">
          <Stack gap="sm">
            <TextInput label="Endpoint URL" placeholder="https://example.com/cairn-events" required {...form.getInputProps('url')} />
            <TextInput label="Description" placeholder="e.g. Data warehouse" {...form.getInputProps('description')} />
            <Checkbox.Group label="Events" {...form.getInputProps('events')}>
              <Group mt={4} gap="md">
                {WEBHOOK_EVENTS.map((event) => (
                  <Checkbox key={event.value} value={event.value} label={event.label} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group>
              <Button type="submit" loading={busy}>
                Add webhook
              </Button>
            </Group>
          </Stack>
        </form>
        {formError && (
          <Alert color="red" mt="sm" role="alert">
            {formError}
          </Alert>
        )}
      </Card>
      {secret && <SecretOnce secret={secret.secret} onDone={() => setSecret(null)} />}
      {webhooks.data?.length === 0 && <Text c="dimmed">No webhooks yet.</Text>}
      {(webhooks.data ?? []).map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} onSecret={setSecret} />
      ))}
    </Stack>
  );
}

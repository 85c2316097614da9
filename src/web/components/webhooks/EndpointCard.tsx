import { Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../../api/queries.js';
import {
  deleteWebhook,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
  webhookKeys,
  type WebhookEndpoint,
  type WebhookWithSecret,
} from '../../api/webhooks.js';
import { DeliveryLog } from './DeliveryLog.js';

/** One endpoint: its events, enable/disable, rotate, test, delete, and its delivery log. */
export function EndpointCard({ endpoint, onSecret }: { endpoint: WebhookEndpoint; onSecret: (created: WebhookWithSecret) => void }) {
  const [showLog, setShowLog] = useState(false);
  const invalidate = [webhookKeys.all, webhookKeys.deliveries(endpoint.id)];
  const toggle = useApiMutation(updateWebhook, invalidate);
  const rotate = useApiMutation(rotateWebhookSecret, invalidate);
  const test = useApiMutation(sendTestEvent, invalidate);
  const remove = useApiMutation(deleteWebhook, [webhookKeys.all]);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {endpoint.url}
          </Title>
          <Switch
            label="Enabled"
            checked={endpoint.enabled}
            onChange={(e) => toggle.mutate({ id: endpoint.id, enabled: e.currentTarget.checked })}
          />
        </Group>
        {endpoint.description && <Text>{endpoint.description}</Text>}
        <Text size="sm" c="dimmed">
          Events: {endpoint.events.join(', ')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="light"
            loading={test.isPending}
            onClick={() => test.mutate(endpoint.id, { onSuccess: () => setShowLog(true) })}
          >
            Send test event
          </Button>
          <Button size="xs" variant="light" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
            {showLog ? 'Hide deliveries' : 'Show deliveries'}
          </Button>
          <Button size="xs" variant="light" loading={rotate.isPending} onClick={() => rotate.mutate(endpoint.id, { onSuccess: onSecret })}>
            Rotate secret
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => window.confirm(`Delete the webhook to ${endpoint.url}?`) && remove.mutate(endpoint.id)}
          >
            Delete
          </Button>
        </Group>
        {showLog && <DeliveryLog endpointId={endpoint.id} url={endpoint.url} />}
      </Stack>
    </Card>
  );
}

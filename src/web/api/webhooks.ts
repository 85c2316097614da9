import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

export const WEBHOOK_EVENTS = [
  { value: 'check_in.created', label: 'Check-in created' },
  { value: 'check_in.corrected', label: 'Check-in corrected' },
  { value: 'objective.published', label: 'Objective published' },
  { value: 'objective.status_changed', label: 'Objective status changed' },
  { value: 'key_result.target_reached', label: 'Key result reached its target' },
  { value: 'blocker.raised', label: 'Blocker raised' },
  { value: 'cycle.phase_changed', label: 'Cycle phase changed' },
  { value: 'cycle.closed', label: 'Cycle closed' },
] as const;

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookWithSecret extends WebhookEndpoint {
  secret: string;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  attempt: number;
  statusCode: number | null;
  responseMs: number | null;
  error: string | null;
  at: string;
}

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const useWebhooks = () => useQuery({ queryKey: webhookKeys.all, queryFn: () => api<WebhookEndpoint[]>('/api/v1/webhooks') });
export const useDeliveries = (id: string) =>
  useQuery({ queryKey: webhookKeys.deliveries(id), queryFn: () => api<WebhookDelivery[]>(`/api/v1/webhooks/${id}/deliveries`) });

export const createWebhook = (body: { url: string; events: string[]; description?: string }) =>
  api<WebhookWithSecret>('/api/v1/webhooks', { method: 'POST', body });
export const updateWebhook = ({ id, ...body }: { id: string; enabled?: boolean }) =>
  api<WebhookEndpoint>(`/api/v1/webhooks/${id}`, { method: 'PATCH', body });
export const deleteWebhook = (id: string) => api<void>(`/api/v1/webhooks/${id}`, { method: 'DELETE' });
export const rotateWebhookSecret = (id: string) => api<WebhookWithSecret>(`/api/v1/webhooks/${id}/rotate-secret`, { method: 'POST' });
export const sendTestEvent = (id: string) => api<{ result: string }>(`/api/v1/webhooks/${id}/test`, { method: 'POST' });

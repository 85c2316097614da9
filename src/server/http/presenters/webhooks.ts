import type { webhookDeliveries, webhookEndpoints } from '../../../db/schema/index.js';
import { iso } from '../schemas.js';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** An endpoint without its secret: the secret leaves only in the create and rotate answers. */
export const presentWebhook = (w: Row<typeof webhookEndpoints>) => ({
  id: w.id,
  url: w.url,
  description: w.description,
  events: w.events,
  enabled: w.enabled,
  createdAt: iso(w.createdAt)!,
  updatedAt: iso(w.updatedAt)!,
});

export const presentWebhookWithSecret = (w: Row<typeof webhookEndpoints>) => ({ ...presentWebhook(w), secret: w.secret });

export const presentDelivery = (d: Row<typeof webhookDeliveries>) => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  attempt: d.attempt,
  statusCode: d.statusCode,
  responseMs: d.responseMs,
  error: d.error,
  at: iso(d.at)!,
});

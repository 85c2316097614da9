import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { webhookDeliveries, webhookEndpoints, type outbox } from '../../db/schema/index.js';
import { signWebhook } from '../services/webhooks/signing.js';
import type { SignedEventPayload } from '../services/webhooks/queue-events.js';
import { isDelivered, postJson } from './deliver.js';

type OutboxRow = typeof outbox.$inferSelect;

export type EventOutcome = { ok: true } | { ok: false; error: string; final?: boolean };

const messageOf = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${message}${cause}`.slice(0, 500);
};

/**
 * Sends one signed event to its endpoint with the endpoint's current secret, and logs the attempt
 * (status, response time, error) for the endpoint's delivery log. A deleted or disabled endpoint
 * ends the row for good: there is nobody to retry for.
 */
export async function deliverSignedEvent(
  db: Database,
  row: OutboxRow,
  payload: SignedEventPayload,
  options: { allowPrivate: boolean; now: Date },
): Promise<EventOutcome> {
  const [endpoint] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, row.orgId), eq(webhookEndpoints.id, payload.endpointId)));
  if (!endpoint) return { ok: false, error: 'The webhook endpoint no longer exists.', final: true };
  if (!endpoint.enabled) return { ok: false, error: 'The webhook endpoint is disabled.', final: true };
  const body = JSON.stringify(payload.event);
  const headers = signWebhook(endpoint.secret, payload.event.id, options.now, body);
  const started = performance.now();
  let outcome: EventOutcome;
  let statusCode: number | null = null;
  try {
    statusCode = await postJson(endpoint.url, body, { ...headers }, options.allowPrivate);
    outcome = isDelivered(statusCode) ? { ok: true } : { ok: false, error: `The webhook answered HTTP ${statusCode}.` };
  } catch (error) {
    outcome = { ok: false, error: messageOf(error) };
  }
  await db.insert(webhookDeliveries).values({
    orgId: row.orgId,
    endpointId: endpoint.id,
    eventId: payload.event.id,
    eventType: payload.event.type,
    attempt: Math.max(1, row.attempts),
    statusCode,
    responseMs: Math.round(performance.now() - started),
    error: outcome.ok ? null : outcome.error,
    at: options.now,
  });
  return outcome;
}

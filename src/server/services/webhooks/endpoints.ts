import { and, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { webhookDeliveries, webhookEndpoints } from '../../../db/schema/index.js';
import type { WebhookEvent } from '../../../domain/webhooks/events.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeWebhooks } from '../../policies/webhooks.js';
import { recordActivity } from '../activity.js';
import { assertWebhookUrlAllowed } from '../webhook-url.js';
import { newWebhookSecret } from './signing.js';

export interface EndpointInput {
  url: string;
  events: WebhookEvent[];
  description?: string | null;
}

export interface EndpointChange {
  url?: string;
  events?: WebhookEvent[];
  description?: string | null;
  enabled?: boolean;
}

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** What the activity log and audit trail keep of an endpoint: never its secret. */
const audited = (row: EndpointRow) => ({ url: row.url, events: row.events, enabled: row.enabled, description: row.description });
const scope = (actor: Actor) => ({ orgId: actor.orgId, actorId: actor.userId, entityType: 'webhook_endpoint' });

async function loadEndpoint(tx: Executor, actor: Actor, id: string): Promise<EndpointRow> {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, id)));
  if (!row) throw notFound('The webhook');
  return row;
}

/** Registers an endpoint; the answer holds its secret, the only time it is shown. */
export async function createEndpoint(db: Database, actor: Actor, input: EndpointInput, allowPrivate: boolean) {
  authorizeWebhooks(actor);
  assertWebhookUrlAllowed(input.url, allowPrivate, 'url');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        orgId: actor.orgId,
        url: input.url,
        events: [...new Set(input.events)],
        description: input.description ?? null,
        secret: newWebhookSecret(),
        createdBy: actor.userId,
      })
      .returning();
    await recordActivity(tx, { ...scope(actor), action: 'webhook.created', entityId: row!.id, after: audited(row!) });
    return row!;
  });
}

export async function listEndpoints(db: Executor, actor: Actor) {
  authorizeWebhooks(actor);
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, actor.orgId)).orderBy(desc(webhookEndpoints.createdAt));
}

export async function updateEndpoint(db: Database, actor: Actor, id: string, change: EndpointChange, allowPrivate: boolean) {
  authorizeWebhooks(actor);
  if (change.url !== undefined) assertWebhookUrlAllowed(change.url, allowPrivate, 'url');
  return db.transaction(async (tx) => {
    const before = await loadEndpoint(tx, actor, id);
    const events = change.events ? [...new Set(change.events)] : undefined;
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ ...change, ...(events ? { events } : {}) })
      .where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, id)))
      .returning();
    await recordActivity(tx, { ...scope(actor), action: 'webhook.updated', entityId: id, before: audited(before), after: audited(row!) });
    return row!;
  });
}

/** A new secret replaces the old one at once: deliveries still pending are signed with the new one. */
export async function rotateSecret(db: Database, actor: Actor, id: string) {
  authorizeWebhooks(actor);
  return db.transaction(async (tx) => {
    await loadEndpoint(tx, actor, id);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret: newWebhookSecret() })
      .where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, id)))
      .returning();
    await recordActivity(tx, { ...scope(actor), action: 'webhook.secret-rotated', entityId: id, after: { url: row!.url } });
    return row!;
  });
}

/** Removes the endpoint and its delivery log; its pending outbox rows fail at delivery ("no longer exists"). */
export async function deleteEndpoint(db: Database, actor: Actor, id: string) {
  authorizeWebhooks(actor);
  await db.transaction(async (tx) => {
    const before = await loadEndpoint(tx, actor, id);
    await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, id)));
    await recordActivity(tx, { ...scope(actor), action: 'webhook.deleted', entityId: id, before: audited(before) });
  });
}

/** The endpoint's delivery log, newest first. */
export async function deliveriesOf(db: Executor, actor: Actor, id: string, limit = 100) {
  authorizeWebhooks(actor);
  await loadEndpoint(db, actor, id);
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, actor.orgId), eq(webhookDeliveries.endpointId, id)))
    .orderBy(desc(webhookDeliveries.at))
    .limit(limit);
}

export { loadEndpoint };

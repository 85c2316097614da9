import { randomUUID } from 'node:crypto';
import { and, arrayOverlaps, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { outbox, webhookEndpoints } from '../../../db/schema/index.js';
import { webhookEventsOf, type ActivityFacts } from '../../../domain/webhooks/events.js';
import { queueWebhook } from '../rhythm/reminders.js';
import { eventSubject, type EventSubject } from './event-data.js';
import { excerpt } from '../social/mentions.js';

interface Activity extends ActivityFacts {
  orgId: string;
  entityType: string;
  entityId: string;
}

/** The payload of a signed event delivery, as stored in its outbox row and sent as the body. */
export interface WebhookEventBody {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** What the dispatcher needs to sign a row: whose secret, and the exact body. */
export interface SignedEventPayload {
  endpointId: string;
  event: WebhookEventBody;
}

export const isSignedEventPayload = (payload: unknown): payload is SignedEventPayload =>
  typeof payload === 'object' && payload !== null && 'endpointId' in payload && 'event' in payload;

/** One outbox row per endpoint for an event, in the caller's transaction. */
export async function queueEventFor(tx: Executor, orgId: string, endpoint: { id: string; url: string }, event: WebhookEventBody) {
  const payload: SignedEventPayload = { endpointId: endpoint.id, event };
  const [row] = await tx
    .insert(outbox)
    .values({
      orgId,
      channel: 'webhook',
      recipient: endpoint.url,
      body: event.type,
      payload,
      dedupeKey: `event:${event.id}:${endpoint.id}`,
    })
    .returning({ id: outbox.id });
  return row!.id;
}

/** Wins and blockers also go to the team's chat webhook, as its documentation promised (Slack `{text}`). */
async function postToTeamChat(tx: Executor, orgId: string, type: string, subject: EventSubject, data: Record<string, unknown>) {
  if (!subject.teamWebhookUrl) return;
  const checkIn = (data.checkIn ?? {}) as { id?: string; blockers?: string };
  const text =
    type === 'key_result.target_reached'
      ? `🎉 Target reached: “${subject.keyResultTitle}” (${subject.objectiveTitle})`
      : `🚧 Blocker on “${subject.keyResultTitle}” (${subject.objectiveTitle}): ${excerpt(checkIn.blockers ?? '', 280)}`;
  const key = type === 'key_result.target_reached' ? `win:${String(data.checkInId)}` : `blocker:${checkIn.id}:${checkIn.blockers ?? ''}`;
  await queueWebhook(tx, { orgId, url: subject.teamWebhookUrl, text, dedupeKey: `webhook:${key}`.slice(0, 500), now: new Date() });
}

/**
 * Called by recordActivity inside the change's transaction: the activity's events become outbox rows
 * for every enabled endpoint that subscribed to them, so they commit (or roll back) with the change.
 */
export async function queueWebhookEvents(tx: Executor, activity: Activity): Promise<void> {
  const events = webhookEventsOf(activity);
  if (events.length === 0) return;
  const chatEvents: string[] = events.filter((e) => e === 'key_result.target_reached' || e === 'blocker.raised');
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.orgId, activity.orgId), eq(webhookEndpoints.enabled, true), arrayOverlaps(webhookEndpoints.events, events)),
    );
  if (endpoints.length === 0 && chatEvents.length === 0) return;
  const subject = await eventSubject(tx, activity, events);
  if (!subject) return;
  const timestamp = new Date().toISOString();
  for (const type of events) {
    const data =
      type === 'blocker.raised' ? { ...subject.data, blockers: (subject.data.checkIn as { blockers?: unknown }).blockers } : subject.data;
    const event = { id: `evt_${randomUUID()}`, type, timestamp, data };
    for (const endpoint of endpoints.filter((e) => e.events.includes(type))) await queueEventFor(tx, activity.orgId, endpoint, event);
    if (chatEvents.includes(type)) await postToTeamChat(tx, activity.orgId, type, subject, subject.data);
  }
}

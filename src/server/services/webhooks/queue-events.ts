import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { outbox, webhookEndpoints } from '../../../db/schema/index.js';
import type { ActivityFacts, WebhookEvent } from '../../../domain/webhooks/events.js';
import { queueWebhook } from '../rhythm/reminders.js';
import { eventSubject, type EventSubject } from './event-data.js';
import { excerpt } from '../social/mentions.js';
import { queueSlackChannelPost } from '../slack/channel-post.js';
import { currentWriteClock } from '../write-clock.js';
import { pgArray } from '../../../db/pg-array.js';

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

/**
 * Wins and blockers also go to the team's chat webhook, as its documentation promised (Slack `{text}`);
 * wins go to the team's Slack channel too, through the Slack app.
 */
async function postToTeamChat(tx: Executor, orgId: string, type: string, subject: EventSubject, data: Record<string, unknown>) {
  if (type === 'key_result.target_reached' && subject.teamSlackChannel) {
    const text = `🎉 Target reached: “${subject.keyResultTitle}” (${subject.objectiveTitle})`;
    const dedupeKey = `slack:win:${subject.teamSlackChannel}:${String(data.checkInId)}`;
    // Due at the write's own "now", so a dispatcher on the same clock (the service's, in tests too) sends it.
    const now = currentWriteClock()?.() ?? new Date();
    await queueSlackChannelPost(tx, { orgId, channel: subject.teamSlackChannel, text, dedupeKey, now });
  }
  if (!subject.teamWebhookUrl) return;
  const checkIn = (data.checkIn ?? {}) as { id?: string; blockers?: string };
  const text =
    type === 'key_result.target_reached'
      ? `🎉 Target reached: “${subject.keyResultTitle}” (${subject.objectiveTitle})`
      : `🚧 Blocker on “${subject.keyResultTitle}” (${subject.objectiveTitle}): ${excerpt(checkIn.blockers ?? '', 280)}`;
  const key = type === 'key_result.target_reached' ? `win:${String(data.checkInId)}` : `blocker:${checkIn.id}:${checkIn.blockers ?? ''}`;
  await queueWebhook(tx, { orgId, url: subject.teamWebhookUrl, text, dedupeKey: `webhook:${key}`.slice(0, 500), now: new Date() });
}

/** An enabled endpoint subscribed to at least one of an activity's events. */
export interface SubscribedEndpoint {
  id: string;
  url: string;
  events: string[];
}

/**
 * The enabled endpoints of the organisation subscribed to any of `events`, as one json value: a scalar
 * subquery that recordActivity folds into its insert (`returning`), so finding none costs no statement.
 */
export const subscribedEndpoints = (orgId: string, events: readonly WebhookEvent[]) =>
  sql<unknown>`(select coalesce(json_agg(json_build_object('id', e.id, 'url', e.url, 'events', e.events)), '[]'::json)
    from ${webhookEndpoints} e where e.org_id = ${orgId} and e.enabled and e.events && ${pgArray(events)}::text[])`;

/** The json of subscribedEndpoints as the driver hands it over (parsed by node-postgres and PGlite; text otherwise). */
export const readEndpoints = (value: unknown): SubscribedEndpoint[] =>
  ((typeof value === 'string' ? JSON.parse(value) : value) ?? []) as SubscribedEndpoint[];

/**
 * Called by recordActivity inside the change's transaction with the endpoints its insert found: the
 * activity's events become outbox rows for every enabled endpoint that subscribed to them, so they
 * commit (or roll back) with the change. Wins and blockers also go to the team's chat.
 */
export async function queueWebhookEvents(
  tx: Executor,
  activity: Activity,
  events: WebhookEvent[],
  endpoints: SubscribedEndpoint[],
): Promise<void> {
  const chatEvents: string[] = events.filter((e) => e === 'key_result.target_reached' || e === 'blocker.raised');
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

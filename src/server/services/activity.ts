import type { Executor } from '../../db/database.js';
import { activities } from '../../db/schema/index.js';
import { webhookEventsOf } from '../../domain/webhooks/events.js';
import { auditActivity } from './audit/activity-audit.js';
import { queueWebhookEvents, readEndpoints, subscribedEndpoints } from './webhooks/queue-events.js';
import { currentWriteChannel } from './write-channel.js';

export interface ActivityEntry {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The audit log's name for a writer who is no person (e.g. "SCIM" for an identity provider); not stored on the activity. */
  actorName?: string;
}

/**
 * Call inside the transaction that makes the change, so the two commit or fail together. Audited actions also
 * enter the audit log, and those that are webhook events are queued for the endpoints subscribed to them.
 * A write made through MCP or Slack (see write-channel.ts) is marked `via` it.
 */
export async function recordActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  const { actorName: _name, ...row } = entry;
  const insert = tx
    .insert(activities)
    .values({ ...row, before: entry.before ?? null, after: entry.after ?? null, via: currentWriteChannel() });
  const events = webhookEventsOf(entry);
  if (events.length === 0) await insert;
  else {
    // The subscribed endpoints come back with the insert: an organisation without endpoints pays no extra read
    // on its hottest write (a check-in; tests/okrs/check-in-statements.test.ts).
    const [written] = await insert.returning({ endpoints: subscribedEndpoints(entry.orgId, events) });
    await queueWebhookEvents(tx, entry, events, readEndpoints(written?.endpoints));
  }
  await auditActivity(tx, entry);
}

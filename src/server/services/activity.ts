import type { Executor } from '../../db/database.js';
import { activities } from '../../db/schema/index.js';
import { auditActivity } from './audit/activity-audit.js';
import { queueWebhookEvents } from './webhooks/queue-events.js';
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
 * A write made through MCP (see write-channel.ts) is marked `via` it.
 */
export async function recordActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  const { actorName: _name, ...row } = entry;
  await tx.insert(activities).values({ ...row, before: entry.before ?? null, after: entry.after ?? null, via: currentWriteChannel() });
  await auditActivity(tx, entry);
  await queueWebhookEvents(tx, entry);
}

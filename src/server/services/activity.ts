import type { Executor } from '../../db/database.js';
import { activities } from '../../db/schema/index.js';
import { auditActivity } from './audit/activity-audit.js';
import { currentWriteChannel } from './write-channel.js';

export interface ActivityEntry {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Call inside the transaction that makes the change, so the two commit or fail together. Audited actions also enter the audit log.
 * A write made through MCP (see write-channel.ts) is marked `via` it.
 */
export async function recordActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  await tx.insert(activities).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null, via: currentWriteChannel() });
  await auditActivity(tx, entry);
}

import type { Executor } from '../../../db/database.js';
import { isAudited } from '../../../domain/identity/audit-chain.js';
import { recordAudit } from './record-audit.js';

interface ActivityLike {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  actorName?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** What changed, field by field, rather than two whole rows: the audit entry says who changed what. */
export function changesOf(before: unknown, after: unknown): Record<string, unknown> {
  if (!isRecord(before) || !isRecord(after)) return { before: before ?? null, after: after ?? null };
  const changes: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/** Activity that is also an audit event (roles, teams, settings, tokens, deletions, overrides…) enters the chain. */
export async function auditActivity(tx: Executor, entry: ActivityLike): Promise<void> {
  if (!isAudited(entry.action)) return;
  const details = entry.before === undefined ? (entry.after ?? {}) : changesOf(entry.before, entry.after);
  await recordAudit(tx, {
    orgId: entry.orgId,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    targetType: entry.entityType,
    targetId: entry.entityId,
    details,
  });
}

import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/database.js';
import { auditChains, auditEntries } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeAudit } from '../../policies/audit.js';
import { anchorSignature } from './anchor.js';
import { recordAudit } from './record-audit.js';

const DAY_MS = 86_400_000;

/** Sets how long entries are kept (null: for ever), itself an audited change, then prunes what is now too old. */
export async function setAuditRetention(db: Database, secret: string, actor: Actor, retentionDays: number | null) {
  authorizeAudit(actor);
  await db.transaction(async (tx) => {
    await tx.insert(auditChains).values({ orgId: actor.orgId }).onConflictDoNothing();
    await tx.update(auditChains).set({ retentionDays }).where(eq(auditChains.orgId, actor.orgId));
    await recordAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'audit.retention-updated', details: { retentionDays } });
  });
  return db.transaction((tx) => pruneAudit(tx, secret, actor.orgId, new Date()));
}

/** The daily housekeeping: every organisation that set a retention. */
export async function pruneAuditLogs(tx: Transaction, secret: string, now: Date): Promise<number> {
  const chains = await tx.select({ orgId: auditChains.orgId }).from(auditChains).where(isNotNull(auditChains.retentionDays));
  let removed = 0;
  for (const { orgId } of chains) removed += await pruneAudit(tx, secret, orgId, now);
  return removed;
}

/**
 * Removes entries older than the retention and moves the signed anchor to the last one removed, inside the
 * caller's transaction, under the chain's lock. The newest entry always stays, so the head remains checkable.
 */
export async function pruneAudit(tx: Transaction, secret: string, orgId: string, now: Date): Promise<number> {
  const [chain] = await tx.select().from(auditChains).where(eq(auditChains.orgId, orgId)).for('update');
  if (!chain?.retentionDays) return 0;
  const cutoff = new Date(now.getTime() - chain.retentionDays * DAY_MS);
  const [last] = await tx
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.orgId, orgId), lt(auditEntries.at, cutoff), lt(auditEntries.seq, chain.headSeq)))
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  if (!last) return 0;
  const removed = await tx
    .delete(auditEntries)
    .where(and(eq(auditEntries.orgId, orgId), lt(auditEntries.seq, last.seq + 1)))
    .returning({ seq: auditEntries.seq });
  const anchor = { anchorSeq: last.seq, anchorHash: last.hash, anchorSignature: anchorSignature(secret, orgId, last.seq, last.hash) };
  await tx.update(auditChains).set(anchor).where(eq(auditChains.orgId, orgId));
  return removed.length;
}

import { and, asc, desc, eq, gte, like, lt, lte } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { auditChains, auditEntries } from '../../../db/schema/index.js';
import { verifyChain, type Verdict } from '../../../domain/identity/audit-chain.js';
import { anchorSignature } from './anchor.js';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** Entries before this sequence number (the next page). */
  before?: number;
  limit?: number;
}

/** Newest first. `action` matches a prefix ("token." finds every token event). */
export function listAudit(db: Executor, orgId: string, filter: AuditFilter) {
  const conditions = [eq(auditEntries.orgId, orgId)];
  if (filter.action) conditions.push(like(auditEntries.action, `${filter.action.replace(/[%_\\]/g, '\\$&')}%`));
  if (filter.actorId) conditions.push(eq(auditEntries.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditEntries.at, filter.from));
  if (filter.to) conditions.push(lte(auditEntries.at, filter.to));
  if (filter.before) conditions.push(lt(auditEntries.seq, filter.before));
  return db
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(desc(auditEntries.seq))
    .limit(filter.limit ?? 100);
}

export async function auditChainOf(db: Executor, orgId: string) {
  const [chain] = await db.select().from(auditChains).where(eq(auditChains.orgId, orgId));
  return chain ?? { orgId, headSeq: 0, headHash: '', anchorSeq: 0, anchorHash: '', anchorSignature: null, retentionDays: null };
}

export type AuditVerdict = Verdict & { headSeq: number; anchorSeq: number };

/**
 * Checks the organisation's chain from its signed anchor to its head and names the first entry altered
 * or removed. An anchor whose signature does not match (moved by hand to hide a cut) fails too.
 */
export async function verifyAudit(db: Executor, secret: string, orgId: string): Promise<AuditVerdict> {
  const chain = await auditChainOf(db, orgId);
  const ends = { headSeq: chain.headSeq, anchorSeq: chain.anchorSeq };
  if (chain.anchorSeq > 0 && chain.anchorSignature !== anchorSignature(secret, orgId, chain.anchorSeq, chain.anchorHash)) {
    const seq = chain.anchorSeq;
    return {
      ...ends,
      ok: false,
      checked: 0,
      seq,
      problem: 'altered',
      message: `The retention anchor at entry #${seq} is not the one Cairn signed.`,
    };
  }
  const entries = await db.select().from(auditEntries).where(eq(auditEntries.orgId, orgId)).orderBy(asc(auditEntries.seq));
  return { ...ends, ...verifyChain(chain, entries) };
}

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { auditChains, auditEntries, users } from '../../../db/schema/index.js';
import { entryHash } from '../../../domain/identity/audit-chain.js';

export interface AuditInput {
  orgId: string;
  /** Null for the system (the CLI, jobs, an identity provider's SCIM calls). */
  actorId: string | null;
  /** Looked up from actorId when omitted; kept in the entry so it survives the person's removal. */
  actorName?: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: unknown;
  ip?: string | null;
}

async function nameOf(tx: Executor, orgId: string, actorId: string | null): Promise<string> {
  if (!actorId) return 'system';
  const [row] = await tx
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, actorId)));
  return row?.name ?? 'unknown';
}

/** Only plain JSON is hashed and stored, so what verification reads back hashes the same. */
const plainJson = (value: unknown): Record<string, unknown> => {
  const json: unknown = value === undefined ? {} : JSON.parse(JSON.stringify(value));
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : { value: json };
};

/**
 * Appends one entry to the organisation's hash-chained audit log. Call it inside the transaction that
 * makes the change, so both commit or neither. Appends lock the organisation's chain row, so two
 * concurrent changes never claim the same sequence number or link to the same predecessor.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  await tx.insert(auditChains).values({ orgId: input.orgId }).onConflictDoNothing();
  const [chain] = await tx.select().from(auditChains).where(eq(auditChains.orgId, input.orgId)).for('update');
  const fields = {
    seq: chain!.headSeq + 1,
    // Milliseconds, as the database keeps them: the hash must survive the round trip.
    at: new Date(),
    actorId: input.actorId,
    actorName: input.actorName ?? (await nameOf(tx, input.orgId, input.actorId)),
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    details: plainJson(input.details),
    ip: input.ip ?? null,
  };
  const hash = entryHash(chain!.headHash, fields);
  await tx.insert(auditEntries).values({ ...fields, orgId: input.orgId, prevHash: chain!.headHash, hash });
  await tx.update(auditChains).set({ headSeq: fields.seq, headHash: hash }).where(eq(auditChains.orgId, input.orgId));
}

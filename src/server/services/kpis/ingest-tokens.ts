import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { ingestTokens, users } from '../../../db/schema/index.js';
import { hashToken, type Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeKpiReport } from '../../policies/kpis.js';
import { authorizeCheckIn } from '../../policies/key-results.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadKeyResultFor } from '../okrs/actor-reads.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { loadKpiFor } from './kpi-reads.js';

export type Metric = { kpiId: string } | { keyResultId: string };

/** Only those who may report a metric see or handle its tokens (a KPI's reporters; a key result's check-in people). */
async function authorizeMetric(tx: Executor, actor: Actor, metric: Metric) {
  if ('kpiId' in metric) return authorizeKpiReport(actor, (await loadKpiFor(tx, actor, metric.kpiId)).relation);
  const { keyResult, relation } = await loadKeyResultFor(tx, actor, metric.keyResultId);
  authorizeCheckIn(actor, relation, keyResult.ownerId);
  return keyResult;
}

/** A metric's live tokens (never the tokens themselves), newest first. */
export async function listIngestTokens(db: Executor, actor: Actor, metric: Metric) {
  await authorizeMetric(db, actor, metric);
  const target = 'kpiId' in metric ? eq(ingestTokens.kpiId, metric.kpiId) : eq(ingestTokens.keyResultId, metric.keyResultId);
  return db
    .select({
      id: ingestTokens.id,
      label: ingestTokens.label,
      createdAt: ingestTokens.createdAt,
      lastUsedAt: ingestTokens.lastUsedAt,
      createdByName: users.name,
    })
    .from(ingestTokens)
    .leftJoin(users, eq(users.id, ingestTokens.createdBy))
    .where(and(eq(ingestTokens.orgId, actor.orgId), target, isNull(ingestTokens.revokedAt)))
    .orderBy(desc(ingestTokens.createdAt));
}

/**
 * Issues a token for one metric, for those who may report it (a KPI's reporters; a key result's check-in people,
 * metric and threshold key results only). The token itself is returned this once; only its hash is kept.
 */
export async function issueIngestToken(deps: ServiceDeps, actor: Actor, metric: Metric, label: string | null) {
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const keyResult = await authorizeMetric(tx, actor, metric);
    if (keyResult && keyResult.kind !== 'metric' && keyResult.kind !== 'threshold')
      throw invalid('id', 'Only metric and threshold key results take pushed values.');
    const token = `cairn_ingest_${randomBytes(24).toString('base64url')}`;
    const [row] = await tx
      .insert(ingestTokens)
      .values({ orgId: actor.orgId, ...metric, tokenHash: hashToken(token), label, createdBy: actor.userId })
      .returning();
    const { tokenHash: _hash, ...shown } = row!;
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'ingest_token.issued',
      entityType: 'ingest_token',
      entityId: row!.id,
      after: shown,
    });
    return { ...shown, token };
  });
}

/** Revokes a token: by whoever may report its metric. */
export async function revokeIngestToken(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const [row] = await tx
      .select()
      .from(ingestTokens)
      .where(and(eq(ingestTokens.orgId, actor.orgId), eq(ingestTokens.id, id), isNull(ingestTokens.revokedAt)));
    if (!row) throw notFound('The ingest token');
    await authorizeMetric(tx, actor, row.kpiId ? { kpiId: row.kpiId } : { keyResultId: row.keyResultId! });
    await tx
      .update(ingestTokens)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(ingestTokens.orgId, actor.orgId), eq(ingestTokens.id, id)));
    await recordActivity(tx, { ...scopeOf(actor), action: 'ingest_token.revoked', entityType: 'ingest_token', entityId: id });
  });
}

import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { keyResultKpis, kpis } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid } from '../../errors.js';
import { authorizeKeyResultEdit, canEditKeyResult } from '../../policies/key-results.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadKeyResultFor } from '../okrs/actor-reads.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { followKpis } from './follow-kpi.js';
import { loadKpiFor } from './kpi-reads.js';

/** The KPI a key result improves (or null), and whether the actor may change that link. */
export async function keyResultKpi(db: Database, actor: Actor, keyResultId: string) {
  const { keyResult, relation } = await loadKeyResultFor(db, actor, keyResultId);
  const [link] = await db
    .select({ kpiId: keyResultKpis.kpiId, kpiName: kpis.name, followsKpi: keyResultKpis.followsKpi })
    .from(keyResultKpis)
    .innerJoin(kpis, eq(kpis.id, keyResultKpis.kpiId))
    .where(and(eq(keyResultKpis.orgId, actor.orgId), eq(keyResultKpis.keyResultId, keyResultId)));
  return { link: link ?? null, canEdit: canEditKeyResult(actor, relation, keyResult.ownerId) };
}

/**
 * Links a key result to the KPI it improves, by those who may edit the key result. Following the KPI's value is
 * for metric and threshold key results; when chosen, the KPI's latest value is checked in right away.
 */
export async function linkKeyResultKpi(
  deps: ServiceDeps,
  actor: Actor,
  keyResultId: string,
  fields: { kpiId: string; followsKpi: boolean },
) {
  await writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { keyResult, relation } = await loadKeyResultFor(tx, actor, keyResultId);
    authorizeKeyResultEdit(actor, relation, keyResult.ownerId);
    const { kpi } = await loadKpiFor(tx, actor, fields.kpiId, 'kpiId');
    if (fields.followsKpi && keyResult.kind !== 'metric' && keyResult.kind !== 'threshold')
      throw invalid('followsKpi', 'Only metric and threshold key results can follow a KPI’s value.');
    await tx
      .insert(keyResultKpis)
      .values({ orgId: actor.orgId, keyResultId, ...fields })
      // A link that starts following follows the KPI's latest value, whatever it followed before.
      .onConflictDoUpdate({ target: keyResultKpis.keyResultId, set: { ...fields, followedValueId: null } });
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'key_result.kpi_linked',
      entityType: 'key_result',
      entityId: keyResultId,
      after: fields,
    });
    announce.changed('objective', keyResult.objectiveId, keyResult.objectiveId);
    if (fields.followsKpi) await followKpis(tx, announce, actor.orgId, [kpi.id]);
  });
  return keyResultKpi(deps.db, actor, keyResultId);
}

/** Removes the link; values already followed stay as the check-ins they became. */
export async function unlinkKeyResultKpi(deps: ServiceDeps, actor: Actor, keyResultId: string) {
  await writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { keyResult, relation } = await loadKeyResultFor(tx, actor, keyResultId);
    authorizeKeyResultEdit(actor, relation, keyResult.ownerId);
    await tx.delete(keyResultKpis).where(and(eq(keyResultKpis.orgId, actor.orgId), eq(keyResultKpis.keyResultId, keyResultId)));
    await recordActivity(tx, { ...scopeOf(actor), action: 'key_result.kpi_unlinked', entityType: 'key_result', entityId: keyResultId });
    announce.changed('objective', keyResult.objectiveId, keyResult.objectiveId);
  });
}

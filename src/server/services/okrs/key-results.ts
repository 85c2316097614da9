import { and, asc, eq, sql } from 'drizzle-orm';
import { validateKeyResult, validateScoreOverride, type KeyResultInput } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { checkIns, keyResults, users, type DataReadinessRow, type MilestoneRow } from '../../../db/schema/index.js';
import { conflict, invalid, notFound, AppError } from '../../errors.js';
import { recordActivity } from '../activity.js';
import { recordPaceChange } from './pace-history.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeKeyResultDelete, authorizeKeyResultEdit, authorizeScoreOverride } from '../../policies/key-results.js';
import { authorizeObjectiveEdit } from '../../policies/objectives.js';
import { writeAndAnnounce } from '../announce.js';
import { childrenOfKeyResult, storeQualityScores } from '../quality/stored-score.js';
import { loadKeyResultFor, loadObjectiveFor } from './actor-reads.js';
import { assertOpen } from './cycles.js';
import { scopeOf, type ServiceDeps } from './deps.js';
import { measureOf } from './measure.js';
import { assertOwnerKept } from '../quality/owner-rule.js';
import { recordTargetChanges } from './target-changes.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { refreshKeyResult, refreshObjective } from './rollup.js';
import { scoreCycle } from './score-cycle.js';
import { todayIn } from '../../clock.js';

type KeyResultRow = typeof keyResults.$inferSelect;
export interface KeyResultFields {
  title?: string;
  ownerId?: string | null;
  weight?: number;
  kind?: KeyResultRow['kind'];
  unit?: string | null;
  startValue?: number | null;
  targetValue?: number | null;
  targetMin?: number | null;
  targetMax?: number | null;
  milestones?: { title: string; weight: number }[];
  dataReadiness?: DataReadinessRow | null;
  /** Pace and the due rule start here when later than its objective's start. */
  effectiveStartDate?: string | null;
}

export async function requireKeyResult(tx: Executor, orgId: string, id: string, field?: string) {
  const [kr] = await tx
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, id)));
  if (!kr) throw notFound('The key result', field);
  return kr;
}

/** The method's own validation (equal start and target, bounds, milestones, weights), as field problems. */
function validateMeasure(
  row: Pick<KeyResultRow, 'kind' | 'startValue' | 'targetValue' | 'targetMin' | 'targetMax' | 'milestones' | 'weight'>,
) {
  if (row.kind === 'metric' && (row.startValue === null || row.targetValue === null)) {
    throw new AppError('validation-failed', 'A metric key result needs a start and a target value.', [
      ...(row.startValue === null ? [{ field: 'startValue', message: 'Required for a metric.' }] : []),
      ...(row.targetValue === null ? [{ field: 'targetValue', message: 'Required for a metric.' }] : []),
    ]);
  }
  const measure = measureOf(row, null);
  const problems = validateKeyResult({ ...measure, weight: row.weight } as KeyResultInput);
  if (problems.length > 0) throw new AppError('validation-failed', problems.map((p) => `${p.field}: ${p.message}`).join(' '), problems);
}

async function checkOwner(tx: Executor, orgId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerId)));
  if (!row) throw notFound('The person', 'ownerId');
}

const toMilestones = (list: KeyResultFields['milestones']): MilestoneRow[] | null =>
  list ? list.map((m) => ({ title: m.title.trim(), weight: m.weight, done: false })) : null;

/** A key result on an objective the actor shapes; it is theirs unless they name another owner. */
export async function createKeyResult(
  deps: ServiceDeps,
  actor: Actor,
  objectiveId: string,
  fields: KeyResultFields & { title: string; kind: KeyResultRow['kind'] },
) {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { objective, cycle, timeZone, relation } = await loadObjectiveFor(tx, actor, objectiveId);
    authorizeObjectiveEdit(actor, relation);
    if (cycle.status === 'closed') throw conflict('objectiveId', `${cycle.name} is closed.`);
    // Added to a published objective, it starts today; on a draft it starts with the objective's publication.
    const effectiveStartDate =
      fields.effectiveStartDate !== undefined
        ? fields.effectiveStartDate
        : objective.status === 'active'
          ? todayIn(timeZone, deps.clock())
          : null;
    const ownerId = fields.ownerId === undefined ? actor.userId : fields.ownerId;
    await checkOwner(tx, scope.orgId, ownerId);
    await assertOwnerKept(tx, scope.orgId, 'key result', objective.status === 'active', ownerId);
    const values = {
      ...fields,
      ownerId,
      title: fields.title.trim(),
      milestones: toMilestones(fields.milestones),
      weight: fields.weight ?? 1,
      effectiveStartDate,
    };
    validateMeasure({ startValue: null, targetValue: null, targetMin: null, targetMax: null, ...values });
    const [{ position }] = (await tx
      .select({ position: sql<number>`coalesce(max(${keyResults.position}) + 1, 0)::int` })
      .from(keyResults)
      .where(eq(keyResults.objectiveId, objectiveId))) as [{ position: number }];
    const [kr] = await tx
      .insert(keyResults)
      .values({ ...values, orgId: scope.orgId, objectiveId, position })
      .returning();
    // Recomputes its objective too: a new key result changes the average even at zero progress.
    await refreshKeyResult(tx, kr!.id);
    await storeQualityScores(tx, scope.orgId, [objectiveId]);
    await recordPaceChange(tx, {
      orgId: scope.orgId,
      objectiveId,
      keyResultId: kr!.id,
      today: todayIn(timeZone, deps.clock()),
      before: null,
      after: { effectiveStartDate },
    });
    await recordActivity(tx, { ...scope, action: 'key_result.created', entityType: 'key_result', entityId: kr!.id, after: kr });
    announce.changed('objective', objectiveId, objectiveId);
    return requireKeyResult(tx, scope.orgId, kr!.id);
  });
}

export async function updateKeyResult(deps: ServiceDeps, actor: Actor, id: string, fields: KeyResultFields) {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { keyResult: before, objective, cycle, timeZone, relation } = await loadKeyResultFor(tx, actor, id);
    authorizeKeyResultEdit(actor, relation, before.ownerId);
    // Moving the start moves the objective's pace: only those who shape the objective may.
    if (fields.effectiveStartDate !== undefined && fields.effectiveStartDate !== before.effectiveStartDate)
      authorizeObjectiveEdit(actor, relation);
    assertOpen(cycle);
    if (fields.kind !== undefined && fields.kind !== before.kind)
      throw invalid('kind', 'The kind of a key result cannot change: create a new one instead.');
    await checkOwner(tx, scope.orgId, fields.ownerId);
    if (fields.ownerId === null) await assertOwnerKept(tx, scope.orgId, 'key result', objective.status === 'active', null);
    const milestones = fields.milestones ? toMilestones(fields.milestones) : before.milestones;
    const merged = { ...before, ...fields, milestones };
    validateMeasure(merged);
    await tx
      .update(keyResults)
      .set({ ...fields, title: fields.title?.trim(), milestones })
      .where(eq(keyResults.id, id));
    // Recomputes its objective too, with the new weight.
    await refreshKeyResult(tx, id);
    await storeQualityScores(tx, scope.orgId, [objective.id]);
    const after = await requireKeyResult(tx, scope.orgId, id);
    await recordPaceChange(tx, {
      orgId: scope.orgId,
      objectiveId: objective.id,
      keyResultId: id,
      today: todayIn(timeZone, deps.clock()),
      before: { effectiveStartDate: before.effectiveStartDate },
      after: { effectiveStartDate: after.effectiveStartDate },
    });
    await recordActivity(tx, { ...scope, action: 'key_result.updated', entityType: 'key_result', entityId: id, before, after });
    await recordTargetChanges(tx, scope, objective.status, before, after);
    announce.changed('objective', id, objective.id);
    return after;
  });
}

export async function deleteKeyResult(deps: ServiceDeps, actor: Actor, id: string) {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { keyResult: before, cycle, relation } = await loadKeyResultFor(tx, actor, id);
    authorizeKeyResultDelete(actor, relation);
    assertOpen(cycle);
    const orphaned = await childrenOfKeyResult(tx, scope.orgId, id);
    await tx.delete(keyResults).where(eq(keyResults.id, id));
    await refreshObjective(tx, before.objectiveId);
    await storeQualityScores(tx, scope.orgId, [before.objectiveId, ...orphaned]);
    await recordActivity(tx, { ...scope, action: 'key_result.deleted', entityType: 'key_result', entityId: id, before });
    announce.changed('objective', id, before.objectiveId);
  });
}

/** An owner's override of the computed closing score, with the reason kept; null removes it. */
export async function overrideScore(deps: ServiceDeps, actor: Actor, id: string, override: { score: number; reason: string } | null) {
  if (override) {
    const problems = validateScoreOverride(override);
    if (problems.length > 0) throw new AppError('validation-failed', problems[0]!.message, problems);
  }
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { keyResult: before, cycle, relation } = await loadKeyResultFor(tx, actor, id);
    authorizeScoreOverride(actor, relation, before.ownerId);
    await tx
      .update(keyResults)
      .set({ scoreOverride: override?.score ?? null, scoreOverrideReason: override?.reason ?? null })
      .where(eq(keyResults.id, id));
    if (cycle.status === 'closed') await scoreCycle(tx, cycle);
    await recordActivity(tx, {
      ...scope,
      action: 'key_result.score-overridden',
      entityType: 'key_result',
      entityId: id,
      before: { score: before.score, override: before.scoreOverride },
      after: override,
    });
    announce.changed('objective', id, before.objectiveId);
    return requireKeyResult(tx, scope.orgId, id);
  });
}

export const listKeyResults = (db: Executor, objectiveId: string) =>
  db.select().from(keyResults).where(eq(keyResults.objectiveId, objectiveId)).orderBy(asc(keyResults.position));
export const countCheckIns = async (db: Executor, keyResultId: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIns)
      .where(and(eq(checkIns.keyResultId, keyResultId), eq(checkIns.deleted, false)))
  )[0]?.n ?? 0;

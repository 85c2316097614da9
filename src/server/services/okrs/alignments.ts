import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '../../../db/database.js';
import { alignments, keyResults } from '../../../db/schema/index.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { Scope } from '../scope.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { refreshParents } from './rollup.js';
import { requireObjective } from './objectives.js';
import { assertCycleOpen } from './cycles.js';

export interface AlignmentTarget {
  parentObjectiveId?: string | null;
  parentKeyResultId?: string | null;
}

/** The objective itself and every objective above it, following links to objectives and to key results. */
async function objectiveAndAncestors(tx: Executor, objectiveId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with recursive up(id, depth) as (
      select ${objectiveId}::uuid, 0
      union
      select coalesce(a.parent_objective_id, kr.objective_id), up.depth + 1
      from ${alignments} a left join ${keyResults} kr on kr.id = a.parent_key_result_id
      join up on a.child_objective_id = up.id
      where up.depth < 64
    ) select distinct id from up`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Resolves the parent (an objective, or a key result and its objective) within the organisation. */
async function resolveParent(tx: Executor, orgId: string, target: AlignmentTarget) {
  if (Boolean(target.parentObjectiveId) === Boolean(target.parentKeyResultId)) {
    throw invalid('parentObjectiveId', 'Give exactly one of parentObjectiveId or parentKeyResultId.');
  }
  if (target.parentObjectiveId)
    return { objective: await requireObjective(tx, orgId, target.parentObjectiveId, 'parentObjectiveId'), field: 'parentObjectiveId' };
  const [kr] = await tx
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, target.parentKeyResultId!)));
  if (!kr) throw notFound('The key result', 'parentKeyResultId');
  return { objective: await requireObjective(tx, orgId, kr.objectiveId), field: 'parentKeyResultId' };
}

export async function addAlignment(db: Database, scope: Scope, childId: string, target: AlignmentTarget) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const child = await requireObjective(tx, scope.orgId, childId);
    await assertCycleOpen(tx, scope.orgId, child.cycleId);
    const { objective: parent, field } = await resolveParent(tx, scope.orgId, target);
    if (parent.cycleId !== child.cycleId) throw invalid(field, 'Align to an objective or key result of the same cycle.');
    if ((await objectiveAndAncestors(tx, parent.id)).has(child.id)) {
      throw invalid(field, 'That link would make a loop: the parent already aligns (directly or through others) to this objective.');
    }
    const existing = await tx
      .select({ id: alignments.id })
      .from(alignments)
      .where(
        and(
          eq(alignments.childObjectiveId, childId),
          target.parentObjectiveId ? eq(alignments.parentObjectiveId, target.parentObjectiveId) : isNull(alignments.parentObjectiveId),
          target.parentKeyResultId ? eq(alignments.parentKeyResultId, target.parentKeyResultId) : isNull(alignments.parentKeyResultId),
        ),
      );
    if (existing.length > 0) throw conflict(field, 'This objective is already aligned there.');
    const ref = { parentObjectiveId: target.parentObjectiveId ?? null, parentKeyResultId: target.parentKeyResultId ?? null };
    const [row] = await tx
      .insert(alignments)
      .values({ orgId: scope.orgId, childObjectiveId: childId, ...ref })
      .returning();
    await refreshParents(tx, [ref]);
    await recordActivity(tx, { ...scope, action: 'objective.aligned', entityType: 'objective', entityId: childId, after: ref });
    return row!;
  });
}

export async function removeAlignment(db: Database, scope: Scope, childId: string, alignmentId: string) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    await assertCycleOpen(tx, scope.orgId, (await requireObjective(tx, scope.orgId, childId)).cycleId);
    const [row] = await tx
      .delete(alignments)
      .where(and(eq(alignments.orgId, scope.orgId), eq(alignments.childObjectiveId, childId), eq(alignments.id, alignmentId)))
      .returning();
    if (!row) throw notFound('The alignment', 'alignmentId');
    await refreshParents(tx, [row]);
    await recordActivity(tx, { ...scope, action: 'objective.unaligned', entityType: 'objective', entityId: childId, before: row });
  });
}

export function listAlignments(db: Executor, orgId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: alignments.id,
      childObjectiveId: alignments.childObjectiveId,
      parentObjectiveId: alignments.parentObjectiveId,
      parentKeyResultId: alignments.parentKeyResultId,
    })
    .from(alignments)
    .where(
      and(
        eq(alignments.orgId, orgId),
        or(inArray(alignments.childObjectiveId, objectiveIds), inArray(alignments.parentObjectiveId, objectiveIds)),
      ),
    );
}

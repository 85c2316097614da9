import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import { alignments, keyResults } from '../../../db/schema/index.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeObjectiveEdit } from '../../policies/objectives.js';
import { writeAndAnnounce } from '../announce.js';
import { linkedObjectiveIds, storeQualityScores } from '../quality/stored-score.js';
import { loadObjectiveFor } from './actor-reads.js';
import { scopeOf, type ServiceDeps } from './deps.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { refreshParents } from './rollup.js';
import { requireObjective } from './objectives.js';
import { assertOpen } from './cycles.js';

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

export async function addAlignment(deps: ServiceDeps, actor: Actor, childId: string, target: AlignmentTarget) {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { objective: child, cycle, relation } = await loadObjectiveFor(tx, actor, childId);
    authorizeObjectiveEdit(actor, relation);
    assertOpen(cycle);
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
    // A parent more for the child, an aligned child more for the parent: both kept quality scores change.
    await storeQualityScores(tx, scope.orgId, [childId, parent.id]);
    await recordActivity(tx, { ...scope, action: 'objective.aligned', entityType: 'objective', entityId: childId, after: ref });
    announce.changed('objective', childId, childId);
    return row!;
  });
}

export async function removeAlignment(deps: ServiceDeps, actor: Actor, childId: string, alignmentId: string) {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { cycle, relation } = await loadObjectiveFor(tx, actor, childId);
    authorizeObjectiveEdit(actor, relation);
    assertOpen(cycle);
    const linked = await linkedObjectiveIds(tx, scope.orgId, childId);
    const [row] = await tx
      .delete(alignments)
      .where(and(eq(alignments.orgId, scope.orgId), eq(alignments.childObjectiveId, childId), eq(alignments.id, alignmentId)))
      .returning();
    if (!row) throw notFound('The alignment', 'alignmentId');
    await refreshParents(tx, [row]);
    await storeQualityScores(tx, scope.orgId, [childId, ...linked]);
    await recordActivity(tx, { ...scope, action: 'objective.unaligned', entityType: 'objective', entityId: childId, before: row });
    announce.changed('objective', childId, childId);
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

import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { keyResultProgress, objectiveProgress } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { alignments, checkIns, keyResults, objectives } from '../../../db/schema/index.js';
import { measureOf, milestonesWithState } from './measure.js';

const CHANGED = 1e-12;
// Alignments are acyclic (loops are refused); this only stops corrupted data from recursing forever.
const MAX_DEPTH = 64;

function guard(depth: number) {
  if (depth > MAX_DEPTH) throw new Error('alignment chain deeper than 64 levels: is there a loop in the data?');
}

/** Objectives aligned to this one directly or through one of its non-rollup key results (as in computeGraphProgress). */
async function alignedChildren(tx: Executor, objectiveId: string) {
  const ownKrs = tx.select({ id: keyResults.id }).from(keyResults).where(and(eq(keyResults.objectiveId, objectiveId), ne(keyResults.kind, 'rollup')));
  // A child aligned to the objective and to one of its key results still counts once.
  return tx
    .selectDistinctOn([objectives.id], { progress: objectives.progress, weight: objectives.weight })
    .from(alignments)
    .innerJoin(objectives, eq(objectives.id, alignments.childObjectiveId))
    // `= any(array(…))` lets the planner use the parent-key-result index; `in (subquery)` under an OR scanned every alignment (bench: 18 ms → 0.09 ms).
    .where(or(eq(alignments.parentObjectiveId, objectiveId), sql`${alignments.parentKeyResultId} = any(array(${ownKrs}))`));
}

async function rollupChildren(tx: Executor, keyResultId: string) {
  return tx
    .select({ progress: objectives.progress, weight: objectives.weight })
    .from(alignments)
    .innerJoin(objectives, eq(objectives.id, alignments.childObjectiveId))
    .where(eq(alignments.parentKeyResultId, keyResultId));
}

/**
 * Recomputes one key result from its latest check-in (or its aligned objectives, for a rollup),
 * stores it, and carries the change up through its objective and every ancestor.
 */
export async function refreshKeyResult(tx: Executor, keyResultId: string, depth = 0): Promise<void> {
  guard(depth);
  const [kr] = await tx.select().from(keyResults).where(eq(keyResults.id, keyResultId));
  if (!kr) return;
  const history = await tx
    .select({ asOf: checkIns.asOf, value: checkIns.value, milestonesDone: checkIns.milestonesDone, confidence: checkIns.confidence })
    .from(checkIns)
    .where(and(eq(checkIns.keyResultId, keyResultId), eq(checkIns.deleted, false)))
    .orderBy(desc(checkIns.asOf), desc(checkIns.createdAt))
    .limit(1);
  const latest = history[0] ?? null;
  const { progress, achievement } = keyResultProgress(measureOf(kr, latest), kr.kind === 'rollup' ? await rollupChildren(tx, kr.id) : []);
  await tx
    .update(keyResults)
    .set({
      progress,
      achievement,
      currentValue: kr.kind === 'metric' || kr.kind === 'threshold' ? (latest?.value ?? null) : null,
      milestones: kr.kind === 'milestone' ? milestonesWithState(kr.milestones ?? [], latest) : kr.milestones,
      lastCheckInDate: latest?.asOf ?? null,
      confidence: latest?.confidence ?? null,
    })
    .where(eq(keyResults.id, kr.id));
  if (Math.abs(progress - kr.progress) >= CHANGED) await refreshObjective(tx, kr.objectiveId, depth + 1);
}

/**
 * Recomputes an objective from its children; when it moved, its parents follow. Without a visited
 * set on purpose: in a diamond the shared parent is recomputed once per path, the last time with
 * every child up to date.
 */
export async function refreshObjective(tx: Executor, objectiveId: string, depth = 0): Promise<void> {
  guard(depth);
  const [objective] = await tx.select().from(objectives).where(eq(objectives.id, objectiveId));
  if (!objective) return;
  const krs = await tx.select({ progress: keyResults.progress, weight: keyResults.weight }).from(keyResults).where(eq(keyResults.objectiveId, objectiveId));
  const progress = objectiveProgress({ driver: objective.progressDriver, keyResults: krs, alignedObjectives: await alignedChildren(tx, objectiveId) });
  if (Math.abs(progress - objective.progress) < CHANGED) return;
  await tx.update(objectives).set({ progress }).where(eq(objectives.id, objectiveId));
  await refreshParentsOf(tx, objectiveId, depth + 1);
}

export interface ParentRef {
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
}

export const parentsOf = (tx: Executor, objectiveId: string): Promise<ParentRef[]> =>
  tx.select({ parentObjectiveId: alignments.parentObjectiveId, parentKeyResultId: alignments.parentKeyResultId }).from(alignments).where(eq(alignments.childObjectiveId, objectiveId));

/** Everything an objective feeds: parent objectives, and parent key results with their objectives. */
export async function refreshParentsOf(tx: Executor, objectiveId: string, depth = 0): Promise<void> {
  await refreshParents(tx, await parentsOf(tx, objectiveId), depth);
}

/** Recomputes the given parents, e.g. after the child that fed them was unlinked or deleted. */
export async function refreshParents(tx: Executor, refs: ParentRef[], depth = 0): Promise<void> {
  const krIds = refs.flatMap((r) => (r.parentKeyResultId ? [r.parentKeyResultId] : []));
  const krs = krIds.length ? await tx.select({ id: keyResults.id, kind: keyResults.kind, objectiveId: keyResults.objectiveId }).from(keyResults).where(inArray(keyResults.id, krIds)) : [];
  const parents = refs.map((r) => {
    const kr = krs.find((k) => k.id === r.parentKeyResultId);
    return { ...r, kind: kr?.kind, krObjectiveId: kr?.objectiveId };
  });
  for (const parent of parents) {
    if (parent.parentObjectiveId) await refreshObjective(tx, parent.parentObjectiveId, depth);
    else if (parent.parentKeyResultId && parent.kind === 'rollup') await refreshKeyResult(tx, parent.parentKeyResultId, depth);
    else if (parent.krObjectiveId) await refreshObjective(tx, parent.krObjectiveId, depth);
  }
}

import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { keyResultProgress, objectiveProgress } from '../../../domain/index.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { alignments, checkIns, keyResults, objectives } from '../../../db/schema/index.js';
import { measureOf, milestonesWithState } from './measure.js';

const CHANGED = 1e-12;
// Alignments are acyclic (loops are refused); this only stops corrupted data from recursing forever.
const MAX_DEPTH = 64;

function guard(depth: number) {
  if (depth > MAX_DEPTH) throw new Error('alignment chain deeper than 64 levels: is there a loop in the data?');
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
 * stores it, and carries the change up through its objective and every ancestor. Returns its new progress.
 */
export async function refreshKeyResult(tx: Executor, keyResultId: string, depth = 0): Promise<number | undefined> {
  guard(depth);
  const [kr] = await tx.select().from(keyResults).where(eq(keyResults.id, keyResultId));
  if (!kr) return undefined;
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
  return progress;
}

interface ObjectiveInputs {
  progress: number;
  driver: 'key_results' | 'aligned' | 'both';
  krs: { progress: number; weight: number }[];
  children: { progress: number; weight: number }[];
  parents: ParentRef[];
}

/**
 * Everything one roll-up step needs, in one round trip: the objective, its key results, its aligned
 * children (directly or through a non-rollup key result, each once) and its parents. A check-in walks
 * up to six levels; one read per level instead of five keeps the write short (see docs/performance.md).
 */
async function objectiveInputs(tx: Executor, objectiveId: string): Promise<ObjectiveInputs | undefined> {
  const [row] = await queryRows<ObjectiveInputs>(
    tx,
    sql`select o.progress, o.progress_driver as driver,
      coalesce((select json_agg(json_build_object('progress', k.progress, 'weight', k.weight)) from ${keyResults} k where k.objective_id = o.id), '[]') as krs,
      coalesce((select json_agg(json_build_object('progress', c.progress, 'weight', c.weight)) from (
        select distinct on (c.id) c.id, c.progress, c.weight from ${alignments} a join ${objectives} c on c.id = a.child_objective_id
        where a.parent_objective_id = o.id
           or a.parent_key_result_id = any(array(select k.id from ${keyResults} k where k.objective_id = o.id and k.kind <> 'rollup'))
      ) c), '[]') as children,
      coalesce((select json_agg(json_build_object('parentObjectiveId', a.parent_objective_id, 'parentKeyResultId', a.parent_key_result_id)) from ${alignments} a where a.child_objective_id = o.id), '[]') as parents
    from ${objectives} o where o.id = ${objectiveId}`,
  );
  return row;
}

/**
 * Recomputes an objective from its children; when it moved, its parents follow. Without a visited
 * set on purpose: in a diamond the shared parent is recomputed once per path, the last time with
 * every child up to date.
 */
export async function refreshObjective(tx: Executor, objectiveId: string, depth = 0): Promise<void> {
  guard(depth);
  const inputs = await objectiveInputs(tx, objectiveId);
  if (!inputs) return;
  const progress = objectiveProgress({ driver: inputs.driver, keyResults: inputs.krs, alignedObjectives: inputs.children });
  if (Math.abs(progress - inputs.progress) < CHANGED) return;
  await tx.update(objectives).set({ progress }).where(eq(objectives.id, objectiveId));
  await refreshParents(tx, inputs.parents, depth + 1);
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

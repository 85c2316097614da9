import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { alignments, keyResults, objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { recordActivity } from '../activity.js';
import type { OrgFacts } from '../imports/org-facts.js';
import { scopeOf } from '../okrs/deps.js';
import { recordPaceChange } from '../okrs/pace-history.js';
import { refreshObjectives, refreshParents } from '../okrs/rollup.js';
import type { Removals } from './okr-diff.js';
import type { OkrDocument } from './okr-yaml.js';

/**
 * What an earlier apply made in this file's cycle and the file no longer names. Only keyed rows are
 * touched: an objective written in the browser, or an alignment to one, is not the file's to remove.
 */
export async function removalsOf(db: Executor, orgId: string, document: OkrDocument, facts: OrgFacts): Promise<Removals> {
  const cycle = facts.cycles.find((c) => c.name.trim().toLowerCase() === document.cycle.name.trim().toLowerCase());
  if (!cycle) return { objectives: [], keyResults: [], alignments: [] };
  const named = new Set(document.objectives.flatMap((o) => [o.key, ...o.keyResults.map((kr) => kr.key)]));
  const inCycle = [...facts.objectivesByRowId].filter(([, o]) => o.cycleId === cycle.id && o.status !== 'archived');
  const keyOfObjective = new Map(inCycle.map(([key, o]) => [o.id, key]));
  // Parents the file can name: keyed objectives of this cycle and their key results.
  const keyOfKeyResult = new Map(
    [...facts.keyResultsByRowId].filter(([, kr]) => keyOfObjective.has(kr.objectiveId)).map(([key, kr]) => [kr.id, key]),
  );
  const removedObjectives = inCycle.filter(([key]) => !named.has(key)).map(([key, o]) => ({ id: o.id, key, title: o.title }));
  const gone = new Set(removedObjectives.map((o) => o.id));
  const removedKeyResults = [...facts.keyResultsByRowId]
    .filter(([key, kr]) => !named.has(key) && keyOfObjective.has(kr.objectiveId) && !gone.has(kr.objectiveId))
    .map(([key, kr]) => ({ id: kr.id, key, title: kr.title, objectiveId: kr.objectiveId }));

  const wanted = new Set(document.objectives.flatMap((o) => o.alignsTo.map((parent) => `${o.key}→${parent}`)));
  const kept = [...keyOfObjective.keys()].filter((id) => !gone.has(id));
  const links =
    kept.length === 0
      ? []
      : await db
          .select()
          .from(alignments)
          .where(and(eq(alignments.orgId, orgId), inArray(alignments.childObjectiveId, kept)));
  const removedAlignments = links.flatMap((link) => {
    const childKey = keyOfObjective.get(link.childObjectiveId)!;
    const parentKey = link.parentObjectiveId ? keyOfObjective.get(link.parentObjectiveId) : keyOfKeyResult.get(link.parentKeyResultId!);
    if (parentKey === undefined || wanted.has(`${childKey}→${parentKey}`)) return [];
    return [{ id: link.id, childKey, parentKey, childObjectiveId: link.childObjectiveId }];
  });
  return { objectives: removedObjectives, keyResults: removedKeyResults, alignments: removedAlignments };
}

/** Archives removed objectives (their history and check-ins kept), deletes removed key results and alignments, and rolls up. */
export async function writeRemovals(tx: Executor, actor: Actor, removals: Removals, today: string): Promise<void> {
  const scope = scopeOf(actor);
  const { orgId } = actor;
  const linkIds = removals.alignments.map((a) => a.id);
  const unlinked =
    linkIds.length === 0
      ? []
      : await tx
          .delete(alignments)
          .where(and(eq(alignments.orgId, orgId), inArray(alignments.id, linkIds)))
          .returning();
  await refreshParents(tx, unlinked);
  for (const o of removals.objectives) {
    const [before] = await tx
      .select()
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.id, o.id)));
    await tx
      .update(objectives)
      .set({ status: 'archived' })
      .where(and(eq(objectives.orgId, orgId), eq(objectives.id, o.id)));
    await recordPaceChange(tx, {
      orgId,
      objectiveId: o.id,
      today,
      before: { effectiveStartDate: before!.effectiveStartDate, objectiveStatus: before!.status },
      after: { effectiveStartDate: before!.effectiveStartDate, objectiveStatus: 'archived' },
    });
    const parents = await tx
      .select({ parentObjectiveId: alignments.parentObjectiveId, parentKeyResultId: alignments.parentKeyResultId })
      .from(alignments)
      .where(and(eq(alignments.orgId, orgId), eq(alignments.childObjectiveId, o.id)));
    await refreshParents(tx, parents);
    await recordActivity(tx, {
      ...scope,
      action: 'objective.updated',
      entityType: 'objective',
      entityId: o.id,
      before: { status: before!.status },
      after: { status: 'archived' },
    });
  }
  for (const kr of removals.keyResults) {
    await tx.delete(keyResults).where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, kr.id)));
    await recordActivity(tx, { ...scope, action: 'key_result.deleted', entityType: 'key_result', entityId: kr.id, before: kr });
  }
  await refreshObjectives(tx, [...new Set(removals.keyResults.map((kr) => kr.objectiveId))]);
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { activities, alignments, keyResults, objectiveContributors, objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict, cycleClosed, invalid } from '../../errors.js';
import { authorizeObjectiveEdit, relationFrom } from '../../policies/objectives.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { requireCycle } from '../okrs/cycles.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { refreshObjective } from '../okrs/rollup.js';
import { assertEachOnce, carriedKeyResult, type RolloverItem } from './rollover-plan.js';
import { actorTeamsOf } from './actor-teams.js';

/** The source must be reviewed or closed; the target open and another cycle. Each refusal names its field. */
async function loadCycles(tx: Executor, orgId: string, sourceId: string, targetId: string) {
  const source = await requireCycle(tx, orgId, sourceId);
  if (source.status !== 'review' && source.status !== 'closed')
    throw conflict('id', `${source.name} is still running: roll it over once its review has opened.`);
  if (targetId === sourceId) throw invalid('targetCycleId', 'Roll over into another cycle, not into the same one.');
  const target = await requireCycle(tx, orgId, targetId, 'targetCycleId');
  if (target.status === 'closed') throw cycleClosed('targetCycleId', `${target.name} is closed: roll over into an open cycle.`);
  return { source, target };
}

/**
 * Carries objectives of a reviewed cycle into the next: each becomes a draft there, linked to its predecessor,
 * with the chosen key results starting afresh; alignments are kept where the parent is carried too. One transaction.
 */
export async function rollOver(deps: ServiceDeps, actor: Actor, sourceId: string, targetId: string, items: RolloverItem[]) {
  assertEachOnce(items);
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { target } = await loadCycles(tx, scope.orgId, sourceId, targetId);
    const ids = items.map((i) => i.objectiveId);
    const sources = ids.length
      ? await tx
          .select()
          .from(objectives)
          .where(and(eq(objectives.orgId, scope.orgId), inArray(objectives.id, ids)))
      : [];
    const byId = new Map(sources.map((o) => [o.id, o]));
    const already = ids.length
      ? await tx
          .select({ previous: objectives.previousObjectiveId })
          .from(objectives)
          .where(and(eq(objectives.orgId, scope.orgId), eq(objectives.cycleId, targetId), inArray(objectives.previousObjectiveId, ids)))
      : [];
    const carriedBefore = new Set(already.map((r) => r.previous));
    const teams = await actorTeamsOf(tx, actor);
    const krRows = ids.length
      ? await tx
          .select()
          .from(keyResults)
          .where(and(eq(keyResults.orgId, scope.orgId), inArray(keyResults.objectiveId, ids)))
      : [];
    items.forEach((item, i) => {
      const objective = byId.get(item.objectiveId);
      if (!objective || objective.cycleId !== sourceId)
        throw invalid(`objectives[${i}].objectiveId`, 'This objective is not in the cycle rolled over.');
      if (objective.status === 'draft') throw invalid(`objectives[${i}].objectiveId`, 'A draft was never published: move it instead.');
      if (carriedBefore.has(objective.id))
        throw conflict(`objectives[${i}].objectiveId`, `"${objective.title}" was already carried into ${target.name}.`);
      authorizeObjectiveEdit(actor, relationFrom(actor, objective, [], teams));
      item.keyResultIds.forEach((krId, j) => {
        if (!krRows.some((kr) => kr.id === krId && kr.objectiveId === objective.id))
          throw invalid(`objectives[${i}].keyResultIds[${j}]`, `This key result is not one of "${objective.title}".`);
      });
    });

    const newObjective = new Map<string, string>();
    const newKeyResult = new Map<string, string>();
    for (const item of items) {
      const o = byId.get(item.objectiveId)!;
      const [created] = await tx
        .insert(objectives)
        .values({
          orgId: scope.orgId,
          cycleId: targetId,
          title: o.title,
          description: o.description,
          whyImportant: o.whyImportant,
          whyUrgent: o.whyUrgent,
          ownerId: o.ownerId,
          teamId: o.teamId,
          type: o.type,
          weight: o.weight,
          progressDriver: o.progressDriver,
          standaloneReason: o.standaloneReason,
          status: 'draft',
          previousObjectiveId: o.id,
        })
        .returning();
      newObjective.set(o.id, created!.id);
      const contributors = await tx
        .select()
        .from(objectiveContributors)
        .where(and(eq(objectiveContributors.orgId, scope.orgId), eq(objectiveContributors.objectiveId, o.id)));
      if (contributors.length)
        await tx
          .insert(objectiveContributors)
          .values(contributors.map((c) => ({ orgId: scope.orgId, objectiveId: created!.id, userId: c.userId, teamId: c.teamId })));
      for (const krId of item.keyResultIds) {
        const copy = carriedKeyResult(krRows.find((kr) => kr.id === krId)!);
        if (!copy) continue;
        const [kr] = await tx
          .insert(keyResults)
          .values({ ...copy, orgId: scope.orgId, objectiveId: created!.id })
          .returning({ id: keyResults.id });
        newKeyResult.set(krId, kr!.id);
      }
    }
    await keepAlignments(tx, scope.orgId, newObjective, newKeyResult);
    for (const id of newObjective.values()) await refreshObjective(tx, id);
    const entries = [...newObjective].flatMap(([from, to]) => [
      {
        ...scope,
        action: 'objective.created',
        entityType: 'objective',
        entityId: to,
        after: { status: 'draft', previousObjectiveId: from, cycleId: targetId },
      },
      {
        ...scope,
        action: 'objective.carried-over',
        entityType: 'objective',
        entityId: from,
        after: { objectiveId: to, cycleId: targetId },
      },
    ]);
    if (entries.length) await tx.insert(activities).values(entries);
    await recordActivity(tx, {
      ...scope,
      action: 'cycle.rolled-over',
      entityType: 'cycle',
      entityId: sourceId,
      after: { targetCycleId: targetId, objectives: newObjective.size },
    });
    announce.changed('objective');
    return [...newObjective].map(([previousObjectiveId, objectiveId]) => ({ previousObjectiveId, objectiveId }));
  });
}

/** An alignment of a carried objective is kept when its parent (objective or key result) was carried too, onto the copy. */
async function keepAlignments(tx: Executor, orgId: string, newObjective: Map<string, string>, newKeyResult: Map<string, string>) {
  if (newObjective.size === 0) return;
  const links = await tx
    .select()
    .from(alignments)
    .where(and(eq(alignments.orgId, orgId), inArray(alignments.childObjectiveId, [...newObjective.keys()])));
  const kept = links.flatMap((a): (typeof alignments.$inferInsert)[] => {
    const child = newObjective.get(a.childObjectiveId)!;
    if (a.parentObjectiveId && newObjective.has(a.parentObjectiveId))
      return [{ orgId, childObjectiveId: child, parentObjectiveId: newObjective.get(a.parentObjectiveId)! }];
    if (a.parentKeyResultId && newKeyResult.has(a.parentKeyResultId))
      return [{ orgId, childObjectiveId: child, parentKeyResultId: newKeyResult.get(a.parentKeyResultId)! }];
    return [];
  });
  if (kept.length) await tx.insert(alignments).values(kept);
}

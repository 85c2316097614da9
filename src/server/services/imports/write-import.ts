import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { activities, alignments, checkIns, cycles, importExternalIds, keyResults, objectives, teams } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { AppError } from '../../errors.js';
import { insertInvitation } from '../invitations.js';
import { refreshObjectives } from '../okrs/rollup.js';
import type { ImportWork, KeyResultWork } from './plan-import.js';

/** Inserts many rows in slices, so a 5,000-row import stays under the statement's parameter limit. */
async function insertInSlices<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** The columns a key result copies from its latest check-in, as the import's own check-in sets them. */
function checkedInState(work: KeyResultWork) {
  const checkIn = work.checkIn;
  if (!checkIn) return {};
  const milestones = work.milestones?.map((m, i) => ({ ...m, done: checkIn.milestonesDone?.[i] ?? false })) ?? null;
  return { currentValue: checkIn.value, lastCheckInDate: checkIn.asOf, confidence: null, milestones };
}

/**
 * Writes a planned import inside the caller's transaction: cycles, teams, invitations, objectives, key
 * results with their first check-ins, alignments and the Row IDs that make a re-import an update;
 * then the roll-ups of every objective it touched, and one activity row per created or changed item.
 */
export async function writeImport(tx: Executor, actor: Actor, secret: string | undefined, work: ImportWork): Promise<void> {
  const orgId = actor.orgId;
  const cycleIds = new Map(work.objectives.flatMap((o) => (o.cycle.id ? [[o.cycle.key, o.cycle.id] as const] : [])));
  if (work.cyclesToCreate.length > 0) {
    const created = await tx
      .insert(cycles)
      .values(work.cyclesToCreate.map((c) => ({ ...c, orgId })))
      .returning();
    for (const c of created) cycleIds.set(c.name.trim().toLowerCase(), c.id);
  }
  const teamIds = new Map(work.teamIds);
  if (work.teamsToCreate.length > 0) {
    const created = await tx
      .insert(teams)
      .values(work.teamsToCreate.map((name) => ({ name, orgId })))
      .returning();
    for (const t of created) teamIds.set(t.name.trim().toLowerCase(), t.id);
  }
  if (work.peopleToInvite.length > 0 && secret === undefined) throw new AppError('unavailable', 'Invitations need the instance secret.');
  for (const email of work.peopleToInvite) await insertInvitation(tx, actor, secret!, { email, role: 'member' });

  const objectiveIds = new Map(work.objectives.flatMap((o) => (o.existing ? [[o.plan.rowId, o.existing.id] as const] : [])));
  const objectiveValues = (o: ImportWork['objectives'][number]) => ({
    title: o.plan.title,
    description: o.plan.description,
    ownerId: o.ownerId,
    teamId: o.teamKey === null ? null : teamIds.get(o.teamKey)!,
    type: o.plan.type,
    weight: o.plan.weight,
  });
  const newObjectives = work.objectives.filter((o) => o.action === 'create');
  await insertInSlices(newObjectives, async (slice) => {
    const rows = await tx
      .insert(objectives)
      .values(
        slice.map((o) => ({
          ...objectiveValues(o),
          orgId,
          cycleId: cycleIds.get(o.cycle.key)!,
          progressDriver: o.driver,
          status: 'active' as const,
        })),
      )
      .returning({ id: objectives.id });
    rows.forEach((row, i) => objectiveIds.set(slice[i]!.plan.rowId, row.id));
  });
  for (const o of work.objectives.filter((o) => o.action === 'update'))
    await tx
      .update(objectives)
      .set(objectiveValues(o))
      .where(and(eq(objectives.orgId, orgId), eq(objectives.id, o.existing!.id)));

  const keyResultIds = new Map(work.keyResults.flatMap((k) => (k.existing ? [[k.plan.rowId, k.existing.id] as const] : [])));
  const positions = await nextPositions(tx, orgId, [...objectiveIds.values()]);
  const measureValues = (k: KeyResultWork) => ({
    title: k.plan.title,
    ownerId: k.ownerId,
    weight: k.plan.weight,
    unit: k.plan.unit,
    startValue: k.plan.startValue,
    targetValue: k.plan.targetValue,
    targetMin: k.plan.targetMin,
    targetMax: k.plan.targetMax,
    milestones: k.milestones,
  });
  const newKeyResults = work.keyResults.filter((k) => k.action === 'create');
  await insertInSlices(newKeyResults, async (slice) => {
    const rows = await tx
      .insert(keyResults)
      .values(
        slice.map((k) => {
          const objectiveId = objectiveIds.get(k.plan.objectiveRowId)!;
          const position = positions.get(objectiveId) ?? 0;
          positions.set(objectiveId, position + 1);
          return { ...measureValues(k), ...checkedInState(k), kind: k.plan.kind, orgId, objectiveId, position };
        }),
      )
      .returning({ id: keyResults.id });
    rows.forEach((row, i) => keyResultIds.set(slice[i]!.plan.rowId, row.id));
  });
  for (const k of work.keyResults.filter((k) => k.action === 'update'))
    await tx
      .update(keyResults)
      .set({ ...measureValues(k), ...checkedInState(k) })
      .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, k.existing!.id)));

  const withCheckIn = work.keyResults.filter((k) => k.checkIn);
  await insertInSlices(withCheckIn, (slice) =>
    tx.insert(checkIns).values(
      slice.map((k) => ({
        orgId,
        keyResultId: keyResultIds.get(k.plan.rowId)!,
        authorId: actor.userId,
        ...k.checkIn!,
        note: 'Imported',
      })),
    ),
  );
  await insertInSlices(work.alignments, (slice) =>
    tx.insert(alignments).values(
      slice.map((a) => ({
        orgId,
        childObjectiveId: objectiveIds.get(a.childRowId)!,
        parentObjectiveId: a.parentIsKeyResult ? null : objectiveIds.get(a.parentRowId)!,
        parentKeyResultId: a.parentIsKeyResult ? keyResultIds.get(a.parentRowId)! : null,
      })),
    ),
  );
  const external = [
    ...newObjectives.map((o) => ({ orgId, source: work.source, externalId: o.plan.rowId, objectiveId: objectiveIds.get(o.plan.rowId)! })),
    ...newKeyResults.map((k) => ({ orgId, source: work.source, externalId: k.plan.rowId, keyResultId: keyResultIds.get(k.plan.rowId)! })),
  ];
  await insertInSlices(external, (slice) => tx.insert(importExternalIds).values(slice));
  await refreshObjectives(tx, [...new Set(objectiveIds.values())]);
  await recordImportActivity(tx, actor, work, objectiveIds, keyResultIds);
}

/** Where each objective's next key result goes: after the ones it has. */
async function nextPositions(tx: Executor, orgId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ objectiveId: keyResults.objectiveId, next: sql<number>`max(${keyResults.position}) + 1` })
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.objectiveId, objectiveIds)))
    .groupBy(keyResults.objectiveId);
  return new Map(rows.map((r) => [r.objectiveId, Number(r.next)]));
}

async function recordImportActivity(
  tx: Executor,
  actor: Actor,
  work: ImportWork,
  objectiveIds: Map<string, string>,
  keyResultIds: Map<string, string>,
) {
  const entries = [
    ...work.objectives
      .filter((o) => o.action !== 'unchanged')
      .map((o) => ({
        action: `objective.${o.action === 'create' ? 'imported' : 'reimported'}`,
        entityType: 'objective',
        entityId: objectiveIds.get(o.plan.rowId)!,
        after: { rowId: o.plan.rowId, title: o.plan.title },
      })),
    ...work.keyResults
      .filter((k) => k.action !== 'unchanged')
      .map((k) => ({
        action: `key_result.${k.action === 'create' ? 'imported' : 'reimported'}`,
        entityType: 'key_result',
        entityId: keyResultIds.get(k.plan.rowId)!,
        after: { rowId: k.plan.rowId, title: k.plan.title, checkIn: k.checkIn },
      })),
  ];
  await insertInSlices(entries, (slice) =>
    tx.insert(activities).values(slice.map((e) => ({ ...e, orgId: actor.orgId, actorId: actor.userId, before: null }))),
  );
}

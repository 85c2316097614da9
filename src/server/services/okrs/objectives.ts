import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { objectiveContributors, objectives, teams, users } from '../../../db/schema/index.js';
import { type ObjectiveStatus, type ObjectiveType, type ProgressDriver } from '../../../domain/vocabulary.js';
import { conflict, notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { Scope } from '../scope.js';
import { assertCycleOpen, requireCycle } from './cycles.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { parentsOf, refreshObjective, refreshParents } from './rollup.js';

export interface ObjectiveFields {
  title?: string;
  description?: string | null;
  whyImportant?: string | null;
  whyUrgent?: string | null;
  ownerId?: string | null;
  teamId?: string | null;
  type?: ObjectiveType;
  weight?: number;
  progressDriver?: ProgressDriver;
  status?: ObjectiveStatus;
  standaloneReason?: string | null;
  contributors?: { userId?: string | null; teamId?: string | null }[];
}

export async function requireObjective(tx: Executor, orgId: string, id: string, field?: string) {
  const [objective] = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.id, id)));
  if (!objective) throw notFound('The objective', field);
  return objective;
}

/** Owner, team and contributors must all belong to the caller's organisation. */
async function checkPeople(tx: Executor, orgId: string, fields: ObjectiveFields) {
  const person = async (id: string, field: string) => {
    const [row] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, id)));
    if (!row) throw notFound('The person', field);
  };
  const team = async (id: string, field: string) => {
    const [row] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
    if (!row) throw notFound('The team', field);
  };
  if (fields.ownerId) await person(fields.ownerId, 'ownerId');
  if (fields.teamId) await team(fields.teamId, 'teamId');
  for (const [i, c] of (fields.contributors ?? []).entries()) {
    if (c.userId) await person(c.userId, `contributors[${i}].userId`);
    if (c.teamId) await team(c.teamId, `contributors[${i}].teamId`);
  }
}

async function writeContributors(tx: Executor, orgId: string, objectiveId: string, contributors: ObjectiveFields['contributors']) {
  if (contributors === undefined) return;
  await tx.delete(objectiveContributors).where(eq(objectiveContributors.objectiveId, objectiveId));
  if (contributors.length > 0)
    await tx
      .insert(objectiveContributors)
      .values(contributors.map((c) => ({ orgId, objectiveId, userId: c.userId ?? null, teamId: c.teamId ?? null })));
}

export async function createObjective(db: Database, scope: Scope, fields: ObjectiveFields & { title: string; cycleId: string }) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const cycle = await requireCycle(tx, scope.orgId, fields.cycleId, 'cycleId');
    if (cycle.status === 'closed') throw conflict('cycleId', `${cycle.name} is closed: plan new objectives in an open cycle.`);
    await checkPeople(tx, scope.orgId, fields);
    const { contributors, ...values } = fields;
    const [objective] = await tx
      .insert(objectives)
      .values({ ...values, title: values.title.trim(), orgId: scope.orgId })
      .returning();
    await writeContributors(tx, scope.orgId, objective!.id, contributors);
    await recordActivity(tx, { ...scope, action: 'objective.created', entityType: 'objective', entityId: objective!.id, after: fields });
    return objective!;
  });
}

/** Runs inside the update's transaction after the change: may refuse it (throw) or record more. */
export type UpdateGate = (tx: Executor, updated: typeof objectives.$inferSelect, before: typeof objectives.$inferSelect) => Promise<void>;

export async function updateObjective(db: Database, scope: Scope, id: string, fields: ObjectiveFields, gate?: UpdateGate) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const before = await requireObjective(tx, scope.orgId, id);
    await assertCycleOpen(tx, scope.orgId, before.cycleId);
    await checkPeople(tx, scope.orgId, fields);
    const { contributors, ...values } = fields;
    const [objective] = await tx
      .update(objectives)
      .set({ ...values, title: values.title?.trim() })
      .where(eq(objectives.id, id))
      .returning();
    await writeContributors(tx, scope.orgId, id, contributors);
    if (gate) await gate(tx, objective!, before);
    // A new driver changes this objective's progress; a new weight changes what it gives its parents.
    if (fields.progressDriver !== undefined || (fields.weight !== undefined && fields.weight !== before.weight))
      await refreshObjective(tx, id);
    await recordActivity(tx, { ...scope, action: 'objective.updated', entityType: 'objective', entityId: id, before, after: fields });
    return (await requireObjective(tx, scope.orgId, id)) ?? objective!;
  });
}

/** Deletes an objective with its key results and check-ins; its parents are recomputed without it. */
export async function deleteObjective(db: Database, scope: Scope, id: string) {
  return db.transaction(async (tx) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const before = await requireObjective(tx, scope.orgId, id);
    await assertCycleOpen(tx, scope.orgId, before.cycleId);
    const parents = await parentsOf(tx, id);
    await tx.delete(objectives).where(eq(objectives.id, id));
    await refreshParents(tx, parents);
    await recordActivity(tx, { ...scope, action: 'objective.deleted', entityType: 'objective', entityId: id, before });
  });
}

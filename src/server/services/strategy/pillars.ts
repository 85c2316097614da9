import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { annualObjectives, objectives, pillars, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeStrategyEdit } from '../../policies/strategy.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';

export interface PillarFields {
  name?: string;
  narrative?: string | null;
  ownerId?: string | null;
  position?: number;
}

export interface AnnualObjectiveFields {
  pillarId?: string;
  year?: number;
  title?: string;
  ownerId?: string | null;
}

export async function requirePillar(tx: Executor, orgId: string, id: string, field?: string) {
  const [row] = await tx
    .select()
    .from(pillars)
    .where(and(eq(pillars.orgId, orgId), eq(pillars.id, id)));
  if (!row) throw notFound('The pillar', field);
  return row;
}

export async function requireAnnualObjective(tx: Executor, orgId: string, id: string, field?: string) {
  const [row] = await tx
    .select()
    .from(annualObjectives)
    .where(and(eq(annualObjectives.orgId, orgId), eq(annualObjectives.id, id)));
  if (!row) throw notFound('The annual objective', field);
  return row;
}

async function checkOwner(tx: Executor, orgId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerId)));
  if (!row) throw notFound('The person', 'ownerId');
}

const trimmed = <T extends { name?: string; title?: string; narrative?: string | null }>(fields: T): T => ({
  ...fields,
  ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
  ...(fields.title !== undefined ? { title: fields.title.trim() } : {}),
  ...(typeof fields.narrative === 'string' ? { narrative: fields.narrative.trim() || null } : {}),
});

/** One write of the strategy layer: authorized, owner checked, recorded in the activity log. */
function strategyWrite<T>(deps: ServiceDeps, actor: Actor, action: string, work: (tx: Executor) => Promise<{ id: string } & T>) {
  authorizeStrategyEdit(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const row = await work(tx);
    await recordActivity(tx, { ...scopeOf(actor), action, entityType: action.split('.')[0]!, entityId: row.id, after: row });
    // Objectives present their pillar: open trees and maps refetch.
    announce.changed('objective');
    return row;
  });
}

export const createPillar = (deps: ServiceDeps, actor: Actor, fields: PillarFields & { name: string }) =>
  strategyWrite(deps, actor, 'pillar.created', async (tx) => {
    await checkOwner(tx, actor.orgId, fields.ownerId);
    const [row] = await tx
      .insert(pillars)
      .values({ ...trimmed(fields), orgId: actor.orgId })
      .returning();
    return row!;
  });

export const updatePillar = (deps: ServiceDeps, actor: Actor, id: string, fields: PillarFields) =>
  strategyWrite(deps, actor, 'pillar.updated', async (tx) => {
    const before = await requirePillar(tx, actor.orgId, id);
    await checkOwner(tx, actor.orgId, fields.ownerId);
    if (Object.keys(fields).length === 0) return before;
    const [row] = await tx.update(pillars).set(trimmed(fields)).where(eq(pillars.id, id)).returning();
    return row!;
  });

/** Objectives that served it keep their place and lose only the link; its annual objectives go with it. */
export const deletePillar = (deps: ServiceDeps, actor: Actor, id: string) =>
  strategyWrite(deps, actor, 'pillar.deleted', async (tx) => {
    const before = await requirePillar(tx, actor.orgId, id);
    await tx.delete(pillars).where(and(eq(pillars.orgId, actor.orgId), eq(pillars.id, id)));
    return before;
  });

export const createAnnualObjective = (
  deps: ServiceDeps,
  actor: Actor,
  fields: Required<Omit<AnnualObjectiveFields, 'ownerId'>> & AnnualObjectiveFields,
) =>
  strategyWrite(deps, actor, 'annual_objective.created', async (tx) => {
    await requirePillar(tx, actor.orgId, fields.pillarId, 'pillarId');
    await checkOwner(tx, actor.orgId, fields.ownerId);
    const [row] = await tx
      .insert(annualObjectives)
      .values({ ...trimmed(fields), orgId: actor.orgId })
      .returning();
    return row!;
  });

export const updateAnnualObjective = (deps: ServiceDeps, actor: Actor, id: string, fields: AnnualObjectiveFields) =>
  strategyWrite(deps, actor, 'annual_objective.updated', async (tx) => {
    const before = await requireAnnualObjective(tx, actor.orgId, id);
    if (fields.pillarId) await requirePillar(tx, actor.orgId, fields.pillarId, 'pillarId');
    await checkOwner(tx, actor.orgId, fields.ownerId);
    if (Object.keys(fields).length === 0) return before;
    const [row] = await tx.update(annualObjectives).set(trimmed(fields)).where(eq(annualObjectives.id, id)).returning();
    // What advances it serves its pillar: a move to another pillar takes them along.
    if (row!.pillarId !== before.pillarId)
      await tx
        .update(objectives)
        .set({ pillarId: row!.pillarId })
        .where(and(eq(objectives.orgId, actor.orgId), eq(objectives.annualObjectiveId, id)));
    return row!;
  });

export const deleteAnnualObjective = (deps: ServiceDeps, actor: Actor, id: string) =>
  strategyWrite(deps, actor, 'annual_objective.deleted', async (tx) => {
    const before = await requireAnnualObjective(tx, actor.orgId, id);
    await tx.delete(annualObjectives).where(and(eq(annualObjectives.orgId, actor.orgId), eq(annualObjectives.id, id)));
    return before;
  });

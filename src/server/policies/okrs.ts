import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { objectiveContributors, teamMembers, type objectives } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './index.js';

type ObjectiveRow = typeof objectives.$inferSelect;

/** How the actor relates to an objective: the facts OKR permissions are decided on. */
export interface ObjectiveRelation {
  owns: boolean;
  leadsTeam: boolean;
  inTeam: boolean;
  contributes: boolean;
}

export async function relationTo(db: Executor, actor: Actor, objective: ObjectiveRow): Promise<ObjectiveRelation> {
  const membership = objective.teamId
    ? (
        await db
          .select({ role: teamMembers.role })
          .from(teamMembers)
          .where(and(eq(teamMembers.teamId, objective.teamId), eq(teamMembers.userId, actor.userId)))
      )[0]
    : undefined;
  const contributions = await db
    .select({ userId: objectiveContributors.userId, teamId: objectiveContributors.teamId })
    .from(objectiveContributors)
    .where(eq(objectiveContributors.objectiveId, objective.id));
  const myTeams = contributions.some((c) => c.teamId)
    ? new Set(
        (await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, actor.userId))).map(
          (m) => m.teamId,
        ),
      )
    : new Set<string>();
  return {
    owns: objective.ownerId === actor.userId,
    leadsTeam: membership?.role === 'lead',
    inTeam: membership !== undefined,
    contributes: contributions.some((c) => c.userId === actor.userId || (c.teamId !== null && myTeams.has(c.teamId))),
  };
}

/**
 * Objectives and their key results are shaped by admins, their owner and their team's leads.
 * Company objectives (no team) by admins and their owner.
 */
export function authorizeObjectiveEdit(actor: Actor, relation: ObjectiveRelation): void {
  if (isAdmin(actor) || relation.owns || relation.leadsTeam) return;
  throw forbidden("Only an admin, the objective's owner or its team's leads can change it.");
}

/** Anyone who works on it checks in: the key result's owner, the objective's owner, team and contributors. */
export function authorizeCheckIn(actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null): void {
  if (isAdmin(actor) || keyResultOwnerId === actor.userId || relation.owns || relation.inTeam || relation.contributes) return;
  throw forbidden('Only the people working on this objective can check in on it.');
}

/** A check-in is corrected or deleted by its author or an admin. */
export function authorizeCheckInChange(actor: Actor, authorId: string | null): void {
  if (isAdmin(actor) || authorId === actor.userId) return;
  throw forbidden('Only its author or an admin can change a check-in.');
}

/** Anyone may plan a cycle's objectives for themselves; planning company cycles is for admins. */
export function authorizeCycleEdit(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only an owner or admin can create, change or close cycles.');
}

/**
 * New objectives: admins anywhere; a team's leads for their team; a team member for themselves
 * inside their team (an individual objective). Company-level objectives (no team) are for admins.
 */
export async function authorizeObjectiveCreate(
  db: Executor,
  actor: Actor,
  input: { teamId?: string | null; ownerId?: string | null },
): Promise<void> {
  if (isAdmin(actor)) return;
  if (!input.teamId) throw forbidden('Only an owner or admin can create company-level objectives (objectives without a team).');
  const [membership] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, actor.userId)));
  if (membership?.role === 'lead') return;
  if (membership && (input.ownerId ?? actor.userId) === actor.userId) return;
  throw forbidden('Create objectives for your own team: as its lead, or as a member for yourself.');
}

import type { TeamMemberRole } from '../../domain/vocabulary.js';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './index.js';

/** How the actor relates to an objective: the facts OKR permissions are decided on. */
export interface ObjectiveRelation {
  owns: boolean;
  leadsTeam: boolean;
  inTeam: boolean;
  contributes: boolean;
}

/** The actor's teams and their role in each: loaded once per request, so views decide without a query each. */
export type ActorTeams = ReadonlyMap<string, TeamMemberRole>;

/** Where an objective sits: the facts creating or moving it is decided on. */
export interface Placement {
  teamId: string | null;
  ownerId: string | null;
}

/** The relation from rows already loaded (views): the objective, its contributors and the actor's teams. */
export function relationFrom(
  actor: Actor,
  objective: { ownerId: string | null; teamId: string | null },
  contributors: readonly { userId: string | null; teamId: string | null }[],
  teams: ActorTeams,
): ObjectiveRelation {
  const role = objective.teamId ? teams.get(objective.teamId) : undefined;
  return {
    owns: objective.ownerId === actor.userId,
    leadsTeam: role === 'lead',
    inTeam: role !== undefined,
    contributes: contributors.some((c) => c.userId === actor.userId || (c.teamId !== null && teams.has(c.teamId))),
  };
}

/** Objectives and their key results are shaped by admins, their owner and their team's leads. */
export const canEditObjective = (actor: Actor, relation: ObjectiveRelation) => isAdmin(actor) || relation.owns || relation.leadsTeam;

/**
 * Creating an objective, or moving one (team, owner, type, status): admins anywhere; a team's leads
 * inside their team; a team member inside their team for themselves. Company level (no team) is for admins.
 * `roleThere` is the actor's role in `placement.teamId`.
 */
export function canPlaceObjective(actor: Actor, placement: Placement, roleThere: TeamMemberRole | null): boolean {
  if (isAdmin(actor)) return true;
  if (!placement.teamId || roleThere === null) return false;
  return roleThere === 'lead' || placement.ownerId === actor.userId;
}

/** Publishing past blocking quality findings, with a recorded reason. */
export const canOverridePublish = (actor: Actor) => isAdmin(actor);

/** Anyone in the organisation may comment on an objective. */
export const canComment = (_actor: Actor) => true;

export function objectiveAbilities(actor: Actor, relation: ObjectiveRelation) {
  const edit = canEditObjective(actor, relation);
  return {
    edit,
    delete: edit,
    archive: edit,
    align: edit,
    publish: edit,
    publishOverride: edit && canOverridePublish(actor),
    addKeyResult: edit,
    comment: canComment(actor),
  };
}
export type ObjectiveAbilities = ReturnType<typeof objectiveAbilities>;

export function authorizeObjectiveEdit(actor: Actor, relation: ObjectiveRelation): void {
  if (!canEditObjective(actor, relation)) throw forbidden("Only an admin, the objective's owner or its team's leads can change it.");
}

export function authorizePlacement(actor: Actor, placement: Placement, roleThere: TeamMemberRole | null): void {
  if (canPlaceObjective(actor, placement, roleThere)) return;
  if (!placement.teamId) throw forbidden('Only an owner or admin can place objectives at company level (without a team).');
  throw forbidden('Place objectives in your own team: as its lead, or as a member for yourself.');
}

/**
 * Where the actor may create objectives, for the "New objective" dialog: company level (no team),
 * any team, or their own teams (`leadTeamIds`: for anyone; the other `teamIds`: for themselves).
 */
export function objectivePlaces(actor: Actor, teams: ActorTeams) {
  const mine = [...teams.keys()];
  return {
    companyLevel: canPlaceObjective(actor, { teamId: null, ownerId: actor.userId }, null),
    anyTeam: isAdmin(actor),
    teamIds: mine,
    leadTeamIds: mine.filter((id) => teams.get(id) === 'lead'),
  };
}
export type ObjectivePlaces = ReturnType<typeof objectivePlaces>;

import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';

/** Creating, moving, changing and deleting teams is admin work. */
export const mayManageTeams = (actor: Actor) => isAdmin(actor);
/** Team leads manage their own team's membership. */
export const mayManageMembers = (actor: Actor, facts: { leadsTeam: boolean }) => isAdmin(actor) || facts.leadsTeam;

export function authorizeTeamChange(actor: Actor): void {
  if (!mayManageTeams(actor)) throw forbidden('Only an owner or admin can create, move or delete teams.');
}

export function authorizeMembersChange(actor: Actor, facts: { leadsTeam: boolean }): void {
  if (!mayManageMembers(actor, facts)) throw forbidden("Only an admin or one of the team's leads can change its members.");
}

/** What the caller may do with one team, for the browser. */
export const teamAbilities = (actor: Actor, facts: { leadsTeam: boolean }) => ({
  edit: mayManageTeams(actor),
  delete: mayManageTeams(actor),
  manageMembers: mayManageMembers(actor, facts),
});

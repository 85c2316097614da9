import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './index.js';

/** What the service knows about the caller and one retrospective. */
export interface RetrospectiveFacts {
  /** A member of the retrospective's team. */
  inTeam: boolean;
  /** Invited from another team. */
  invited: boolean;
}

/** A team holds its own retrospective; admins may open any. */
export const canOpenRetrospective = (actor: Actor, inTeam: boolean) => isAdmin(actor) || inTeam;

/** The team, the people it invited, and admins write in it, invite others and agree actions. */
export const canEditRetrospective = (actor: Actor, facts: RetrospectiveFacts) => isAdmin(actor) || facts.inTeam || facts.invited;

export function authorizeRetrospectiveEdit(actor: Actor, facts: RetrospectiveFacts): void {
  if (!canEditRetrospective(actor, facts))
    throw forbidden('Only the team, the people it invited and admins can write in this retrospective.');
}

export function authorizeRetrospectiveOpen(actor: Actor, inTeam: boolean): void {
  if (!canOpenRetrospective(actor, inTeam)) throw forbidden('Only a member of the team or an admin can open its retrospective.');
}

export const retrospectiveAbilities = (actor: Actor, facts: RetrospectiveFacts) => ({
  edit: canEditRetrospective(actor, facts),
  invite: canEditRetrospective(actor, facts),
  addAction: canEditRetrospective(actor, facts),
});

import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { canEditObjective, type ObjectiveRelation } from './objectives.js';
import { isAdmin } from './roles.js';

/** Whoever may edit the dependent objective may say what it needs from another team. */
export const canRequestDependency = (actor: Actor, relation: ObjectiveRelation) => canEditObjective(actor, relation);

/** The providing team's leads answer for it; admins may answer for any team. */
export const canAnswerDependency = (actor: Actor, leadsProvidingTeam: boolean) => isAdmin(actor) || leadsProvidingTeam;

export function dependencyAbilities(actor: Actor, leadsProvidingTeam: boolean) {
  return { answer: canAnswerDependency(actor, leadsProvidingTeam) };
}

export function authorizeDependencyRequest(actor: Actor, relation: ObjectiveRelation): void {
  if (!canRequestDependency(actor, relation)) throw forbidden('Only those who may edit this objective can record what it depends on.');
}

export function authorizeDependencyAnswer(actor: Actor, leadsProvidingTeam: boolean): void {
  if (!canAnswerDependency(actor, leadsProvidingTeam)) throw forbidden("Only the providing team's leads or an admin can answer.");
}

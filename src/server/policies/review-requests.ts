import type { Actor } from '../auth/actor.js';
import { forbidden, invalid } from '../errors.js';
import { canEditObjective, type ObjectiveRelation } from './objectives.js';
import { isAdmin, runsProgramme, type HasRole } from './roles.js';

/**
 * Review requests on draft objectives. Whoever may shape a draft asks; the reviewer is someone who runs the programme
 * (owner, admin, champion) or leads the objective's team; only the named reviewer decides.
 */

/** Whether a person may be named reviewer: `leadsTeam` is whether they lead the objective's team. */
export const mayReview = (person: HasRole, leadsTeam: boolean) => runsProgramme(person) || leadsTeam;

/** Asking for a review: on a draft the actor may edit. */
export const canRequestReview = (actor: Actor, relation: ObjectiveRelation, status: string) =>
  status === 'draft' && canEditObjective(actor, relation);

/** Deciding: the named reviewer only, while the request is open. */
export const canDecideReview = (actor: Actor, request: { reviewerId: string; status: string }) =>
  request.reviewerId === actor.userId && request.status === 'open';

export function authorizeReviewRequest(actor: Actor, relation: ObjectiveRelation, status: string): void {
  if (!canEditObjective(actor, relation)) throw forbidden("Only an admin, the objective's owner or its team's leads can ask for a review.");
  if (status !== 'draft') throw invalid('status', 'Only a draft objective is reviewed before publishing.');
}

export function authorizeReviewer(reviewer: HasRole & { id: string }, leadsTeam: boolean, actor: Actor): void {
  if (reviewer.id === actor.userId) throw invalid('reviewerId', 'Ask someone else to review your draft.');
  if (!mayReview(reviewer, leadsTeam))
    throw invalid('reviewerId', "The reviewer must be an OKR champion, an admin or a lead of the objective's team.");
}

/** Withdrawing: the drafter who asked, or an admin, while the request is open (checked by the service: 409). */
export const canWithdrawReview = (actor: Actor, request: { requestedBy: string; status: string }) =>
  request.status === 'open' && (request.requestedBy === actor.userId || isAdmin(actor));

export function authorizeWithdrawal(actor: Actor, request: { requestedBy: string }): void {
  if (request.requestedBy !== actor.userId && !isAdmin(actor))
    throw forbidden('Only the person who asked for the review, or an admin, can withdraw it.');
}

export function authorizeDecision(actor: Actor, request: { reviewerId: string }): void {
  if (request.reviewerId !== actor.userId) throw forbidden('Only the reviewer named on the request can decide it.');
}

/** The `can` of the objective view: ask for a review, and whether the actor is someone a review can be asked of. */
export function reviewAbilities(actor: Actor, relation: ObjectiveRelation, status: string) {
  return { requestReview: canRequestReview(actor, relation, status), decideReview: mayReview(actor, relation.leadsTeam) };
}

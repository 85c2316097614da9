import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { canOverrideScore } from './key-results.js';
import { canEditObjective, type ObjectiveRelation } from './objectives.js';
import { isAdmin } from './roles.js';

/** A review score is confirmed by whoever may override it: the key result's owner, the objective's owner or an admin. */
export const canConfirmScore = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  canOverrideScore(actor, relation, keyResultOwnerId);

/** The closing note is written by those who shape the objective: its owner, its team's leads, admins. */
export const canWriteClosingNote = (actor: Actor, relation: ObjectiveRelation) => canEditObjective(actor, relation);

/** Closing a cycle past missing review items, with a reason; rolling objectives over into the next cycle. */
export const canOverrideCloseGate = (actor: Actor) => isAdmin(actor);

export const reviewKeyResultAbilities = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) => ({
  confirm: canConfirmScore(actor, relation, keyResultOwnerId),
  overrideScore: canOverrideScore(actor, relation, keyResultOwnerId),
});

export const reviewObjectiveAbilities = (actor: Actor, relation: ObjectiveRelation) => ({
  writeClosingNote: canWriteClosingNote(actor, relation),
  carryOver: canEditObjective(actor, relation),
});

export function authorizeScoreConfirmation(actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) {
  if (!canConfirmScore(actor, relation, keyResultOwnerId))
    throw forbidden("Only the key result's owner, the objective's owner or an admin confirm its score.");
}

export function authorizeClosingNote(actor: Actor, relation: ObjectiveRelation) {
  if (!canWriteClosingNote(actor, relation))
    throw forbidden("Only an admin, the objective's owner or its team's leads write its closing note.");
}

import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './index.js';
import { canEditObjective, type ObjectiveRelation } from './objectives.js';

/** A key result is changed by its own owner too, besides those who shape its objective. */
export const canEditKeyResult = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  keyResultOwnerId === actor.userId || canEditObjective(actor, relation);

/** Removing a key result reshapes the objective: for those who shape it. */
export const canDeleteKeyResult = (actor: Actor, relation: ObjectiveRelation) => canEditObjective(actor, relation);

/** Anyone who works on it checks in: the key result's owner, the objective's owner, team and contributors. */
export const canCheckIn = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  isAdmin(actor) || keyResultOwnerId === actor.userId || relation.owns || relation.inTeam || relation.contributes;

/** The closing score is overridden by the key result's owner, the objective's owner or an admin. */
export const canOverrideScore = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  isAdmin(actor) || keyResultOwnerId === actor.userId || relation.owns;

export function keyResultAbilities(actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) {
  return {
    edit: canEditKeyResult(actor, relation, keyResultOwnerId),
    delete: canDeleteKeyResult(actor, relation),
    checkIn: canCheckIn(actor, relation, keyResultOwnerId),
    overrideScore: canOverrideScore(actor, relation, keyResultOwnerId),
  };
}

const refuse = (allowed: boolean, message: string) => {
  if (!allowed) throw forbidden(message);
};

export const authorizeKeyResultEdit = (actor: Actor, relation: ObjectiveRelation, ownerId: string | null) =>
  refuse(
    canEditKeyResult(actor, relation, ownerId),
    "Only an admin, the key result's or the objective's owner, or its team's leads can change it.",
  );
export const authorizeKeyResultDelete = (actor: Actor, relation: ObjectiveRelation) =>
  refuse(canDeleteKeyResult(actor, relation), "Only an admin, the objective's owner or its team's leads can change it.");
export const authorizeCheckIn = (actor: Actor, relation: ObjectiveRelation, ownerId: string | null) =>
  refuse(canCheckIn(actor, relation, ownerId), 'Only the people working on this objective can check in on it.');
export const authorizeScoreOverride = (actor: Actor, relation: ObjectiveRelation, ownerId: string | null) =>
  refuse(canOverrideScore(actor, relation, ownerId), 'Only the owner or an admin can override a score.');

import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { canCheckIn, canEditKeyResult } from './key-results.js';
import type { ObjectiveRelation } from './objectives.js';

/** The people working on a key result (those who check in on it) plan its initiatives. */
export const canPlanInitiatives = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  canCheckIn(actor, relation, keyResultOwnerId);

/** An initiative's own owner moves it along too, even when not on the objective's team. */
export const canUpdateInitiative = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null, ownerId: string | null) =>
  ownerId === actor.userId || canPlanInitiatives(actor, relation, keyResultOwnerId);

/** Letting initiatives drive a key result's progress changes how it is measured: for those who edit it. */
export const canDriveByInitiatives = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  canEditKeyResult(actor, relation, keyResultOwnerId);

export const initiativeAbilities = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) => ({
  plan: canPlanInitiatives(actor, relation, keyResultOwnerId),
  drive: canDriveByInitiatives(actor, relation, keyResultOwnerId),
});

const refuse = (allowed: boolean, message: string) => {
  if (!allowed) throw forbidden(message);
};

export const authorizeInitiativePlanning = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  refuse(canPlanInitiatives(actor, relation, keyResultOwnerId), 'Only the people working on this key result can plan its initiatives.');
export const authorizeInitiativeUpdate = (
  actor: Actor,
  relation: ObjectiveRelation,
  keyResultOwnerId: string | null,
  ownerId: string | null,
) =>
  refuse(
    canUpdateInitiative(actor, relation, keyResultOwnerId, ownerId),
    "Only the initiative's owner or the people working on its key result can change it.",
  );
export const authorizeDriveByInitiatives = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  refuse(
    canDriveByInitiatives(actor, relation, keyResultOwnerId),
    "Only an admin, the key result's or the objective's owner, or its team's leads can change how it is measured.",
  );

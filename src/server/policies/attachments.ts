import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';
import { canCheckIn } from './key-results.js';
import type { ObjectiveRelation } from './objectives.js';

/** The people working on an objective or key result (those who check in on it) attach links and files to it. */
export const canAttach = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  canCheckIn(actor, relation, keyResultOwnerId);

/** A link or file is removed by whoever added it, or by those who shape the objective. */
export const canRemoveAttachment = (actor: Actor, relation: ObjectiveRelation, addedBy: string | null) =>
  addedBy === actor.userId || isAdmin(actor) || relation.owns || relation.leadsTeam;

/** How much the organisation stores in files: for its admins. */
export const canReadFileUsage = (actor: Actor) => isAdmin(actor);

export const attachmentAbilities = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) => ({
  attach: canAttach(actor, relation, keyResultOwnerId),
});

const refuse = (allowed: boolean, message: string) => {
  if (!allowed) throw forbidden(message);
};
export const authorizeAttach = (actor: Actor, relation: ObjectiveRelation, keyResultOwnerId: string | null) =>
  refuse(canAttach(actor, relation, keyResultOwnerId), 'Only the people working on it can attach links and files.');
export const authorizeRemoveAttachment = (actor: Actor, relation: ObjectiveRelation, addedBy: string | null) =>
  refuse(
    canRemoveAttachment(actor, relation, addedBy),
    "Only whoever added it, the objective's owner, its team's leads or an admin can remove it.",
  );
export const authorizeFileUsage = (actor: Actor) => refuse(canReadFileUsage(actor), 'Only admins see how much the organisation stores.');

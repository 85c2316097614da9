import type { Role } from '../../domain/vocabulary.js';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin, isOwner } from './roles.js';

/** The person being changed, as loaded by the users service. */
export interface UserFacts {
  id: string;
  role: Role;
}

export interface UserChange {
  name?: unknown;
  title?: unknown;
  timeZone?: unknown;
  role?: Role;
  managerId?: unknown;
  active?: boolean;
}

const SELF_EDITABLE = new Set(['name', 'title', 'timeZone']);

export const isSelf = (actor: Actor, target: UserFacts) => actor.userId === target.id;
export const mayManagePeople = (actor: Actor) => isAdmin(actor);
/** Anyone edits their own name, title and time zone; admins edit anyone's. */
export const mayEditProfile = (actor: Actor, target: UserFacts) => isSelf(actor, target) || mayManagePeople(actor);
/** Granting, removing, deactivating or reactivating an owner is for owners only. */
export const mayTouchOwnership = (actor: Actor, target: UserFacts, change: UserChange) =>
  isOwner(actor) || (change.role !== 'owner' && target.role !== 'owner');
export const mayChangeRole = (actor: Actor, target: UserFacts) => mayManagePeople(actor) && (isOwner(actor) || target.role !== 'owner');
export const mayDeactivate = (actor: Actor, target: UserFacts) => mayChangeRole(actor, target) && !isSelf(actor, target);

/** Throws the first rule the change breaks; the last-owner rule lives in the service, which counts owners. */
export function authorizeUserChange(actor: Actor, target: UserFacts, change: UserChange): void {
  const keys = Object.keys(change).filter((key) => change[key as keyof UserChange] !== undefined);
  const onlySelfFields = keys.every((key) => SELF_EDITABLE.has(key));
  if (!(isSelf(actor, target) && onlySelfFields) && !mayManagePeople(actor)) throw forbidden('Only an owner or admin can manage people.');
  if ((change.role !== undefined || change.active !== undefined) && !mayTouchOwnership(actor, target, change))
    throw forbidden('Only an owner can grant or remove the owner role.');
  if (isSelf(actor, target) && change.active === false) throw forbidden('You cannot deactivate yourself.');
}

/** What the caller may do with one person, for the browser. */
export const userAbilities = (actor: Actor, target: UserFacts) => ({
  edit: mayEditProfile(actor, target),
  changeRole: mayChangeRole(actor, target),
  deactivate: mayDeactivate(actor, target),
});

/** Only in the browser: a leaked API token must not be able to take the account over. */
export const mayChangeOwnPassword = (actor: Actor) => actor.via === 'session';

export function authorizeOwnPasswordChange(actor: Actor): void {
  if (!mayChangeOwnPassword(actor)) throw forbidden('Change your password signed in, in the browser: an API token cannot.');
}

import type { Role } from '../../domain/vocabulary.js';

/** The facts a role rule needs; an Actor has them, and so does a row of users. */
export interface HasRole {
  role: Role;
}

export const isAdmin = (actor: HasRole) => actor.role === 'owner' || actor.role === 'admin';
export const isOwner = (actor: HasRole) => actor.role === 'owner';
export const isChampion = (actor: HasRole) => actor.role === 'champion';
/** Running the OKR programme (principles, rhythm, cycles, surveys, rollout): admins and champions. */
export const runsProgramme = (actor: HasRole) => isAdmin(actor) || isChampion(actor);

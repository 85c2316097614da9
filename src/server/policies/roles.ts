import type { Role } from '../../domain/vocabulary.js';

/** The facts a role rule needs; an Actor has them, and so does a row of users. */
export interface HasRole {
  role: Role;
}

export const isAdmin = (actor: HasRole) => actor.role === 'owner' || actor.role === 'admin';
export const isOwner = (actor: HasRole) => actor.role === 'owner';

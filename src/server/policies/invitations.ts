import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';

export const mayInvite = (actor: Actor) => isAdmin(actor);

export function authorizeInvitations(actor: Actor): void {
  if (!mayInvite(actor)) throw forbidden('Only an owner or admin can invite people.');
}

import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';

/** The audit log names who did what across the organisation: owners and admins only. */
export const mayReadAudit = (actor: Actor) => isAdmin(actor);

export function authorizeAudit(actor: Actor): void {
  if (!mayReadAudit(actor)) throw forbidden('Only an owner or admin can see the audit log.');
}

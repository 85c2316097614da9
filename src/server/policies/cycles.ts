import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './index.js';

/** Cycles are the organisation's calendar: created, changed and closed by admins. */
export const canEditCycles = (actor: Actor) => isAdmin(actor);

export function authorizeCycleEdit(actor: Actor): void {
  if (!canEditCycles(actor)) throw forbidden('Only an owner or admin can create, change or close cycles.');
}

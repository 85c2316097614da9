import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { runsProgramme } from './roles.js';

/** Cycles are the organisation's calendar: created, changed and closed by admins and OKR champions. */
export const canEditCycles = (actor: Actor) => runsProgramme(actor);

export function authorizeCycleEdit(actor: Actor): void {
  if (!canEditCycles(actor)) throw forbidden('Only an owner, admin or OKR champion can create, change or close cycles.');
}

import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './index.js';

/** A check-in is corrected or deleted by its author or an admin. */
export const canChangeCheckIn = (actor: Actor, authorId: string | null) => isAdmin(actor) || authorId === actor.userId;

export function checkInAbilities(actor: Actor, authorId: string | null) {
  const change = canChangeCheckIn(actor, authorId);
  return { edit: change, delete: change };
}

export function authorizeCheckInChange(actor: Actor, authorId: string | null): void {
  if (!canChangeCheckIn(actor, authorId)) throw forbidden('Only its author or an admin can change a check-in.');
}

import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';

/** A leaked token must not be able to mint more tokens that outlive its revocation. */
export const mayCreateToken = (actor: Actor) => actor.via === 'session';

export function authorizeTokenCreate(actor: Actor): void {
  if (!mayCreateToken(actor)) throw forbidden('Create tokens from a signed-in session, not with another token.');
}

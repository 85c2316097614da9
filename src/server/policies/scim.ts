import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { mayCreateToken } from './tokens.js';
import { isAdmin } from './roles.js';

/** SCIM tokens create and deactivate people: only admins see, issue and revoke them. */
export const mayManageScim = (actor: Actor) => isAdmin(actor);

export function authorizeScimTokens(actor: Actor): void {
  if (!mayManageScim(actor)) throw forbidden('Only an owner or admin can manage SCIM provisioning.');
}

/** A token never mints another: it would outlive its own revocation. */
export function authorizeScimTokenCreate(actor: Actor): void {
  authorizeScimTokens(actor);
  if (!mayCreateToken(actor)) throw forbidden('Issue SCIM tokens from a signed-in session, not with another token.');
}

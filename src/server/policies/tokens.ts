import type { TokenKind, TokenScope } from '../../domain/identity/token-scopes.js';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './roles.js';

/** A leaked token must not be able to mint more tokens that outlive its revocation. */
export const mayCreateToken = (actor: Actor) => actor.via === 'session';
/** Service tokens act for the organisation's integrations: only admins issue, see and revoke them. */
export const mayManageServiceTokens = (actor: Actor) => isAdmin(actor);

/**
 * From a session only; the `admin` scope only for someone who is an admin (it would grant nothing else,
 * but a token should not claim power its owner lacks); service tokens only by admins.
 */
export function authorizeTokenCreate(actor: Actor, scopes: readonly TokenScope[], kind: TokenKind): void {
  if (!mayCreateToken(actor)) throw forbidden('Create tokens from a signed-in session, not with another token.');
  if (kind === 'service' && !mayManageServiceTokens(actor)) throw forbidden('Only an owner or admin can issue service tokens.');
  if (scopes.includes('admin') && !isAdmin(actor)) throw forbidden('Only an owner or admin can give a token the admin scope.');
}

export function authorizeServiceTokens(actor: Actor): void {
  if (!mayManageServiceTokens(actor)) throw forbidden('Only an owner or admin can manage service tokens.');
}

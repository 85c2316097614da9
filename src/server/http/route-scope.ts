import type { RouteOptions } from 'fastify';
import { defaultRouteScope, scopeGrants, type RouteScope } from '../../domain/identity/token-scopes.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a token needs to call this route (issue 19); set from the method and path unless the route declares it. */
    scope?: RouteScope;
  }
}

/** The strictest scope over the route's methods (a GET route also answers HEAD with the same scope). */
export function routeScopeOf(route: RouteOptions): RouteScope {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const scopes = methods.map((method) => defaultRouteScope(method, route.url));
  return scopes.find((s) => s === 'session') ?? scopes.find((s) => s !== 'read') ?? 'read';
}

/** Signed-in people are limited by their role alone; a token also by the scopes it was given. */
export function assertTokenScope(actor: Actor | null, needed: RouteScope | undefined): void {
  if (!actor?.token || !needed || scopeGrants(actor.token.scopes, needed)) return;
  const message =
    needed === 'session'
      ? 'This needs a signed-in session: a token cannot issue credentials.'
      : `This token lacks the scope "${needed}" that this request needs.`;
  throw new AppError('forbidden', message, [{ field: 'scope', message }], undefined, { requiredScope: needed });
}

import type { FastifyRequest } from 'fastify';
import { resolveActor } from '../auth/actor.js';
import { assertSameOriginWrite } from '../auth/same-origin.js';
import { unauthenticated } from '../errors.js';
import { assertTokenScope } from './route-scope.js';
import type { AppContext } from './context.js';

/**
 * The first hook of every /api/v1 request, before validation and the handler: who is calling, a 401
 * when nobody is and the route is not public (http/public-routes.ts), and the same-origin check
 * for cookie-authenticated writes, and whether a token's scopes cover the route. Handlers read the caller with `actorOf(request)`.
 */
export const authenticate = (ctx: AppContext) => async (request: FastifyRequest) => {
  request.actor = await resolveActor(ctx.db, ctx.auth, request);
  if (!request.actor && request.routeOptions.config.public !== true) throw unauthenticated();
  assertTokenScope(request.actor, request.routeOptions.config.scope);
  assertSameOriginWrite(request, ctx.config.publicUrl);
};

import type { FastifyRequest } from 'fastify';
import { resolveActor } from '../auth/actor.js';
import { assertSameOriginWrite } from '../auth/same-origin.js';
import { unauthenticated } from '../errors.js';
import type { AppContext } from './context.js';

/**
 * The first hook of every /api/v1 request, before validation and the handler: who is calling, a 401
 * when nobody is and the route is not public (http/public-routes.ts), and the same-origin check
 * for cookie-authenticated writes. Handlers read the caller with `actorOf(request)`.
 */
export const authenticate = (ctx: AppContext) => async (request: FastifyRequest) => {
  request.actor = await resolveActor(ctx.db, ctx.auth, request);
  if (!request.actor && request.routeOptions.config.public !== true) throw unauthenticated();
  assertSameOriginWrite(request, ctx.config.publicUrl);
};

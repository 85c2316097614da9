import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { unauthenticated } from '../errors.js';

export type { AppContext } from '../context.js';
export { notifyContext } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in caller, or a 401 problem. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export const scopeOf = (actor: Actor) => ({ orgId: actor.orgId, actorId: actor.userId });

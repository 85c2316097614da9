import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';

const OKR_WRITE = /^\/api\/v1\/(objectives|key-results|check-ins|cycles)(\/|$)/;

/** What a successful write tells open pages: check-ins, or anything else that moves progress. */
export function liveTypeOf(method: string, url: string): 'check_in' | 'objective' | null {
  if (method === 'GET' || method === 'HEAD' || !OKR_WRITE.test(url) || url.includes('/reactions')) return null;
  return url.includes('/check-ins') ? 'check_in' : 'objective';
}

/**
 * An onResponse hook for the /api/v1 scope: once an OKR write has answered successfully (its
 * transaction committed), open pages of the organisation hear of it and refetch.
 */
export const publishOkrWrites = (ctx: AppContext) => async (request: FastifyRequest, reply: FastifyReply) => {
  const type = liveTypeOf(request.method, request.url.split('?')[0]!);
  if (!type || reply.statusCode >= 400 || !request.actor) return;
  const { id } = (request.params ?? {}) as { id?: string };
  ctx.events.publish({ orgId: request.actor.orgId, type, entityId: id });
};

import type { FastifyRequest } from 'fastify';
import { forbidden } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from Cairn's own pages: the Origin header has to match
 * the public URL or the address the request came to. Bearer tokens are not sent by browsers on
 * their own, so they need no such check.
 */
export function assertSameOriginWrite(request: FastifyRequest, publicUrl: string): void {
  if (SAFE_METHODS.has(request.method) || request.actor?.via !== 'session') return;
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.headers.host}`;
  if (origin !== publicUrl && origin !== own) throw forbidden('Cross-site request refused: the Origin header does not match this Cairn.');
}

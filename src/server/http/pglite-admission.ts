import type { onRequestHookHandler } from 'fastify';
import type { AdmissionQueue } from '../../db/admission-queue.js';
import { AppError } from '../errors.js';

/** A refused request may try again this soon: a full line of check-ins drains in about a second. */
export const QUEUE_RETRY_SECONDS = 1;

/**
 * The paths whose requests use the database: the API and Better Auth's endpoints. Health is never queued, nor is
 * the live event stream: it stays open for the page's life and would hold the line's one turn for good.
 */
const usesDatabase = (url: string) => (url.startsWith('/api/v1/') && !url.startsWith('/api/v1/events')) || url.startsWith('/api/auth/');

/**
 * Queues an API request for PGlite before anything else runs (authentication reads the database
 * too), or refuses it with 503 and Retry-After when the line is full. The place is left when the
 * response is over: `close` fires after it is sent and also when the client gave up, so a place is
 * never lost, and a request whose client left while it waited does not run at all.
 */
export function admitIntoQueue(queue: AdmissionQueue): onRequestHookHandler {
  return async (request, reply) => {
    if (!usesDatabase(request.url)) return;
    const ticket = queue.enter();
    if (!ticket) throw new AppError('unavailable', 'Cairn is busy right now. Try again in a moment.', [], QUEUE_RETRY_SECONDS);
    reply.raw.once('close', ticket.leave);
    await ticket.turn.catch(() => undefined);
    if (ticket.left) throw new AppError('unavailable', 'The request was abandoned before its turn.', [], QUEUE_RETRY_SECONDS);
  };
}

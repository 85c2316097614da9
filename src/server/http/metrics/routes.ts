import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { AppError, notFound } from '../../errors.js';
import type { Metrics } from '../../metrics/metrics.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The bearer token compared in constant time (both sides hashed first, so lengths never leak). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics in Prometheus text format, for the bearer token in CAIRN_METRICS_TOKEN. Without
 * that setting it answers 404: metrics name routes and volumes, not for the public.
 */
export const metricsRoutes =
  (metrics: Metrics, token: string | undefined): FastifyPluginAsync =>
  async (app) => {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!token) throw notFound('Metrics (set CAIRN_METRICS_TOKEN to turn them on)');
      if (!bearerMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError('unauthenticated', 'Send the token set in CAIRN_METRICS_TOKEN as "Authorization: Bearer <token>".');
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  };

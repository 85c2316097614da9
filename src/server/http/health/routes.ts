import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { HEALTH_TIMEOUT_MS, PingTimeout, pingWithin } from './database-answers.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    engine: z.enum(['pglite', 'postgres']),
    ok: z.boolean(),
    latencyMs: z.number().nullable(),
    /** What went wrong, in general words: never the server's address. */
    error: z.string().optional(),
  }),
});

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health', {
      schema: { tags: ['operations'], summary: 'Liveness and database reachability', response: { 200: healthSchema, 503: healthSchema } },
      handler: async (request, reply) => {
        const started = performance.now();
        try {
          await pingWithin(ctx.handle);
          return {
            status: 'ok' as const,
            database: { engine: ctx.handle.kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
          };
        } catch (error) {
          // The driver's message names the host and port; the log keeps it, the public answer does not.
          request.log.warn({ err: error }, 'health: database not answering');
          const said =
            error instanceof PingTimeout
              ? `The database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s.`
              : 'The database is unreachable.';
          return reply
            .status(503)
            .send({ status: 'degraded', database: { engine: ctx.handle.kind, ok: false, latencyMs: null, error: said } });
        }
      },
    });
  };

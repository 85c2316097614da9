import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdmissionQueue } from '../../../db/admission-queue.js';
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
  /** PGlite only: API requests running and waiting for the one connection, the bound on waiting ones (0: none), refusals so far. */
  queue: z
    .object({ running: z.number().int(), waiting: z.number().int(), maxWaiting: z.number().int(), refused: z.number().int() })
    .optional(),
});

const livenessSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });

export const healthRoutes =
  (ctx: AppContext, queue?: AdmissionQueue): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health/live', {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process answers (no database call), for restarts by an orchestrator',
        response: { 200: livenessSchema },
      },
      handler: async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
    });

    const readiness = async (request: FastifyRequest, reply: FastifyReply) => {
      const started = performance.now();
      // Read before the ping, which waits in PGlite's line itself.
      const queueNow = queue && { running: queue.running, waiting: queue.waiting, maxWaiting: queue.maxWaiting, refused: queue.refused };
      try {
        await pingWithin(ctx.handle);
        return {
          status: 'ok' as const,
          database: { engine: ctx.handle.kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
          queue: queueNow,
        };
      } catch (error) {
        // The driver's message names the host and port; the log keeps it, the public answer does not.
        request.log.warn({ err: error }, 'health: database not answering');
        const said =
          error instanceof PingTimeout
            ? `The database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s.`
            : 'The database is unreachable.';
        return reply.status(503).send({
          status: 'degraded',
          database: { engine: ctx.handle.kind, ok: false, latencyMs: null, error: said },
          queue: queueNow,
        });
      }
    };

    app.get('/api/health', {
      schema: {
        tags: ['operations'],
        summary: 'Database reachability (the same answer as /api/health/ready)',
        response: { 200: healthSchema, 503: healthSchema },
      },
      handler: readiness,
    });
    app.get('/api/health/ready', {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers and the server is not shutting down, for load balancers',
        response: { 200: healthSchema, 503: healthSchema },
      },
      handler: readiness,
    });
  };

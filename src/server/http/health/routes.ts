import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    engine: z.enum(['pglite', 'postgres']),
    ok: z.boolean(),
    latencyMs: z.number().nullable(),
    error: z.string().optional(),
  }),
});

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health', {
      schema: { tags: ['operations'], summary: 'Liveness and database reachability', response: { 200: healthSchema, 503: healthSchema } },
      handler: async (_request, reply) => {
        const started = performance.now();
        try {
          await ctx.handle.ping();
          return {
            status: 'ok' as const,
            database: { engine: ctx.handle.kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
          };
        } catch (error) {
          return reply.status(503).send({
            status: 'degraded',
            database: { engine: ctx.handle.kind, ok: false, latencyMs: null, error: (error as Error).message },
          });
        }
      },
    });
  };

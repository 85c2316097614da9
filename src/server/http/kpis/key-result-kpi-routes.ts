import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyResultKpi, linkKeyResultKpi, unlinkKeyResultKpi } from '../../services/kpis/key-result-kpi.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';

const linkBody = z.object({
  kpiId: z.uuid({ message: 'Must be a KPI id.' }),
  followsKpi: z.boolean().default(false).describe("The key result's value follows the KPI's latest value (metric and threshold only)"),
});
const linkView = z.object({
  link: z.object({ kpiId: z.string(), kpiName: z.string(), followsKpi: z.boolean() }).nullable(),
  canEdit: z.boolean(),
});

export const keyResultKpiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/key-results/:id/kpi', {
      schema: {
        tags: ['kpis'],
        summary: 'The KPI this key result improves, if any',
        params: idParam,
        response: { 200: linkView, 404: problemSchema },
      },
      handler: async (request) => keyResultKpi(ctx.db, actorOf(request), request.params.id),
    });

    app.put('/key-results/:id/kpi', {
      schema: {
        tags: ['kpis'],
        summary: 'Say which KPI this key result improves, and whether its value follows the KPI',
        params: idParam,
        body: linkBody,
        response: { 200: linkView, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request) => linkKeyResultKpi(ctx, actorOf(request), request.params.id, request.body),
    });

    app.delete('/key-results/:id/kpi', {
      schema: {
        tags: ['kpis'],
        summary: 'The key result no longer improves a KPI',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await unlinkKeyResultKpi(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

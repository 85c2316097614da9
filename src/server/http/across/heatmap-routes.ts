import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cycleHeatmap } from '../../services/across/heatmap.js';
import { requireCycle } from '../../services/okrs/cycles.js';
import { actorOf, type AppContext } from '../context.js';
import { asOfQuery } from '../okrs/schema.js';
import { idParam, problemSchema } from '../schemas.js';
import { heatmapSchema } from './heatmap-schema.js';

export const heatmapRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/heatmap', {
      schema: {
        tags: ['cycles'],
        summary: 'The heatmap: teams by department against status, with pace, on-time check-ins, quality and alignment health',
        description:
          'Each team with published objectives in the cycle, grouped by department: objectives on track, at risk and off track; mean progress against the pace expected; the share of due check-ins made on time; the quality score; alignment health. `asOf` measures it all on a past date.',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: heatmapSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const cycle = await requireCycle(ctx.db, actor.orgId, request.params.id);
        return cycleHeatmap(ctx.db, actor, cycle, { now: ctx.clock(), asOf: request.query.asOf });
      },
    });
  };

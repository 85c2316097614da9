import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cycleChanges } from '../../services/review-rhythm/changes.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { changesQuery, changesView } from './schema.js';

export const changesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/changes', {
      schema: {
        tags: ['review rhythm'],
        summary:
          'What changed between two dates of a cycle, replayed from the history: status changes, movers, confidence drops, blockers, stale key results, alignment changes; most pressing first',
        params: idParam,
        querystring: changesQuery,
        response: { 200: changesView, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const report = await cycleChanges(ctx.db, actorOf(request), request.params.id, request.query);
        return { ...report, items: report.items.map((item) => ({ ...item, link: `/objectives/${item.objectiveId}` })) };
      },
    });
  };

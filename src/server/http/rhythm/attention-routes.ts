import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { needsAttention } from '../../services/rhythm/attention.js';
import { actorOf, type AppContext } from '../context.js';
import { attentionView } from './schema.js';

/** What is past its response timeframe: overdue check-ins and unanswered blockers, oldest first. */
export const attentionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/attention', {
      schema: {
        tags: ['rhythm'],
        summary: 'Needs attention: check-ins overdue past updateWithinHours and blockers unanswered past answerWithinHours, oldest first',
        querystring: z.object({ teamId: z.uuid().optional(), personId: z.string().max(64).optional() }),
        response: { 200: z.array(attentionView) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { teamId, personId } = request.query;
        const items = await needsAttention(ctx.db, actor, ctx.clock());
        return items
          .filter((i) => (!teamId || i.teamId === teamId) && (!personId || i.who?.id === personId))
          .map((i) => ({ ...i, since: i.since.toISOString(), overdueAt: i.overdueAt.toISOString() }));
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listChampions } from '../../services/rollout/champions.js';
import { actorOf, type AppContext } from '../context.js';

const championView = z.object({ id: z.string(), name: z.string(), email: z.string(), title: z.string().nullable() });

export const rolloutRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/champions', {
      schema: {
        tags: ['rollout'],
        summary: 'The OKR champions: everyone’s contact for questions about OKRs',
        response: { 200: z.array(championView) },
      },
      handler: async (request) => listChampions(ctx.db, actorOf(request).orgId),
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adoptionReport } from '../../services/adoption/report.js';
import { recordMinutes } from '../../services/adoption/record-minutes.js';
import { actorOf, type AppContext } from '../context.js';
import { adoptionQuery, adoptionView, minutesBody } from './schema.js';

export const adoptionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/adoption', {
      schema: {
        tags: ['rollout'],
        summary: 'Adoption figures per team, department and leader, week by week, with the pilot compared (owner/admin/champion)',
        querystring: adoptionQuery,
        response: { 200: adoptionView },
      },
      handler: async (request) => adoptionReport(ctx, actorOf(request), request.query),
    });

    app.post('/adoption/time', {
      schema: {
        tags: ['rollout'],
        summary: 'Add minutes of active use on a planning or check-in screen to the caller’s team’s weekly sum (no person is stored)',
        body: minutesBody,
        response: { 200: z.object({ counted: z.boolean() }) },
      },
      handler: async (request) => recordMinutes(ctx, actorOf(request), request.body),
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCycle } from '../../services/okrs/cycles.js';
import { writeStrategy } from '../../services/strategy/narrative.js';
import { strategyOverview } from '../../services/strategy/overview.js';
import { requirePillar } from '../../services/strategy/pillars.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { annualObjectiveRoutes } from './annual-objective-routes.js';
import { pillarRoutes } from './pillar-routes.js';
import { cycleQuery, narrativeBody, pillarPageView, strategySchema } from './schema.js';

/** The strategic narrative: mission, vision, pillars and annual objectives above the quarterly cycles. */
export const strategyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/strategy', {
      schema: {
        tags: ['strategy'],
        summary: 'Mission, vision and the pillars with how they are doing in a cycle',
        description:
          'Pillars carry what serves them in the cycle (published objectives naming them) by status and against pace; `unserved` pillars and company objectives that serve no pillar are called out.',
        querystring: cycleQuery,
        response: { 200: strategySchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const cycle = await requireCycle(ctx.db, actor.orgId, request.query.cycleId);
        return strategyOverview(ctx.db, actor, cycle, ctx.clock());
      },
    });

    app.put('/strategy', {
      schema: {
        tags: ['strategy'],
        summary: 'Set the mission and vision (admins and OKR champions)',
        body: narrativeBody,
        response: { 200: narrativeBody.required(), 403: problemSchema },
      },
      handler: async (request) => {
        const row = await writeStrategy(ctx, actorOf(request), request.body);
        return { mission: row.mission, vision: row.vision };
      },
    });

    app.get('/pillars/:id', {
      schema: {
        tags: ['strategy'],
        summary: 'A pillar: what serves it in a cycle and how it is doing',
        params: idParam,
        querystring: cycleQuery,
        response: { 200: pillarPageView, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const [cycle] = await Promise.all([
          requireCycle(ctx.db, actor.orgId, request.query.cycleId),
          requirePillar(ctx.db, actor.orgId, request.params.id),
        ]);
        const overview = await strategyOverview(ctx.db, actor, cycle, ctx.clock(), request.params.id);
        return { ...overview.pillars[0]!, can: { edit: overview.can.edit } };
      },
    });

    for (const routes of [pillarRoutes, annualObjectiveRoutes]) await app.register(routes(ctx));
  };

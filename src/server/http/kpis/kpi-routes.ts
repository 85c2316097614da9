import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptRecovery } from '../../services/kpis/accept-recovery.js';
import { kpiBoard, kpiView as loadKpiView } from '../../services/kpis/kpi-board.js';
import { createKpi, deleteKpi, updateKpi } from '../../services/kpis/kpis.js';
import { actorOf, type AppContext } from '../context.js';
import { presentKpi } from '../presenters/kpis.js';
import { idParam, problemSchema } from '../schemas.js';
import { kpiCreate, kpiList, kpiPatch, kpiView } from './schema.js';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

export const kpiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/kpis', {
      schema: {
        tags: ['kpis'],
        summary: "A KPI board: one team's KPIs (teamId), the company's (company=true) or all, each with health and unhealthy periods",
        querystring: kpiList,
        response: { 200: z.array(kpiView) },
      },
      handler: async (request) => {
        const { teamId, company } = request.query;
        return (await kpiBoard(ctx.db, actorOf(request), { teamId, company: company === 'true' })).map(presentKpi);
      },
    });

    app.post('/kpis', {
      schema: {
        tags: ['kpis'],
        summary: 'Create a KPI with bands that fit its direction',
        body: kpiCreate,
        response: { 201: kpiView, ...errors },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const kpi = await createKpi(ctx, actor, request.body);
        return reply.status(201).send(presentKpi(await loadKpiView(ctx.db, actor, kpi.id)));
      },
    });

    app.get('/kpis/:id', {
      schema: { tags: ['kpis'], summary: 'One KPI with its health', params: idParam, response: { 200: kpiView, 404: problemSchema } },
      handler: async (request) => presentKpi(await loadKpiView(ctx.db, actorOf(request), request.params.id)),
    });

    app.patch('/kpis/:id', {
      schema: {
        tags: ['kpis'],
        summary: 'Change a KPI (its bands are checked again)',
        params: idParam,
        body: kpiPatch,
        response: { 200: kpiView, ...errors },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await updateKpi(ctx, actor, request.params.id, request.body);
        return presentKpi(await loadKpiView(ctx.db, actor, request.params.id));
      },
    });

    app.delete('/kpis/:id', {
      schema: {
        tags: ['kpis'],
        summary: 'Delete a KPI and its values',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteKpi(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/kpi-recoveries/:id/accept', {
      schema: {
        tags: ['kpis'],
        summary: 'Accept a proposed recovery objective: publishes the draft (quality gate applies)',
        params: idParam,
        response: {
          200: z.object({ objectiveId: z.string(), status: z.string() }),
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
      handler: async (request) => {
        const objective = await acceptRecovery(ctx, actorOf(request), request.params.id);
        return { objectiveId: objective.id, status: objective.status };
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addKpiValue, correctKpiValue, deleteKpiValue, listKpiValues } from '../../services/kpis/kpi-values.js';
import { actorOf, type AppContext } from '../context.js';
import { presentKpiValue } from '../presenters/kpis.js';
import { idParam, problemSchema } from '../schemas.js';
import { kpiValueBody, kpiValueList, kpiValueParams, kpiValuePatch, kpiValueView } from './schema.js';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

export const kpiValueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/kpis/:id/values', {
      schema: {
        tags: ['kpis'],
        summary: "A KPI's values, newest first, with who or what reported each (deleted ones with includeDeleted=true)",
        params: idParam,
        querystring: kpiValueList,
        response: { 200: z.array(kpiValueView), 404: problemSchema },
      },
      handler: async (request) =>
        (await listKpiValues(ctx.db, actorOf(request), request.params.id, request.query.includeDeleted === 'true')).map((r) =>
          presentKpiValue(r.value, r.reporterName),
        ),
    });

    app.post('/kpis/:id/values', {
      schema: {
        tags: ['kpis'],
        summary: 'Report a value (asOf defaults to today)',
        params: idParam,
        body: kpiValueBody,
        response: { 201: kpiValueView, ...errors },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        return reply.status(201).send(presentKpiValue(await addKpiValue(ctx, actor, request.params.id, request.body), actor.name));
      },
    });

    app.patch('/kpis/:id/values/:valueId', {
      schema: {
        tags: ['kpis'],
        summary: 'Correct a value (the earlier version stays in the history)',
        params: kpiValueParams,
        body: kpiValuePatch,
        response: { 200: kpiValueView, ...errors },
      },
      handler: async (request) => {
        const { id, valueId } = request.params;
        const row = await correctKpiValue(ctx, actorOf(request), id, valueId, request.body);
        return presentKpiValue(row, null);
      },
    });

    app.delete('/kpis/:id/values/:valueId', {
      schema: {
        tags: ['kpis'],
        summary: 'Delete a value (kept, marked deleted, for the history)',
        params: kpiValueParams,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteKpiValue(ctx, actorOf(request), request.params.id, request.params.valueId);
        return reply.status(204).send(null);
      },
    });
  };

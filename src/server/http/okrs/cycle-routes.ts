import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCycle, generateQuarterlyCycles, listCycles, requireCycle, updateCycle } from '../../services/okrs/cycles.js';
import { cycleSummary } from '../../services/okrs/cycle-summary.js';
import { archiveCycle, deleteCycle } from '../../services/okrs/cycle-lifecycle.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { presentCycle as present } from '../presenters/cycles.js';
import { reviewIncompleteProblem } from '../closing/schema.js';
import { cycleCreate, cycleGenerate, cycleList, cyclePatch, cycleSchema, summarySchema } from './schema.js';

export const cycleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles', {
      schema: {
        tags: ['cycles'],
        summary: 'All cycles, oldest first (archived ones only with includeArchived=true)',
        querystring: cycleList,
        response: { 200: z.array(cycleSchema) },
      },
      handler: async (request) =>
        (await listCycles(ctx.db, actorOf(request).orgId, { includeArchived: request.query.includeArchived === 'true' })).map(present),
    });

    app.post('/cycles', {
      schema: {
        tags: ['cycles'],
        summary: 'Create a cycle (owner/admin/champion)',
        body: cycleCreate,
        response: { 201: cycleSchema, 400: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        return reply.status(201).send(present(await createCycle(ctx, actor, request.body)));
      },
    });

    app.post('/cycles/generate', {
      schema: {
        tags: ['cycles'],
        summary: 'Create the four quarters of a year (existing names are skipped)',
        body: cycleGenerate,
        response: { 201: z.array(cycleSchema) },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        return reply.status(201).send((await generateQuarterlyCycles(ctx, actor, request.body.year)).map(present));
      },
    });

    app.get('/cycles/:id', {
      schema: {
        tags: ['cycles'],
        summary: 'One cycle with its summary',
        params: idParam,
        response: { 200: cycleSchema.extend({ summary: summarySchema }), 404: problemSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        const cycle = await requireCycle(ctx.db, orgId, request.params.id);
        return { ...present(cycle), summary: await cycleSummary(ctx.db, actorOf(request), cycle, ctx.clock()) };
      },
    });

    app.patch('/cycles/:id', {
      schema: {
        tags: ['cycles'],
        summary: 'Rename, move or change the phase of a cycle; status `closed` scores and freezes it (owner/admin/champion)',
        params: idParam,
        body: cyclePatch,
        response: { 200: cycleSchema, 409: reviewIncompleteProblem, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { archived, ...fields } = request.body;
        let cycle =
          Object.keys(fields).length > 0 || archived === undefined ? await updateCycle(ctx, actor, request.params.id, fields) : null;
        if (archived !== undefined) cycle = await archiveCycle(ctx, actor, request.params.id, archived);
        return present(cycle!);
      },
    });

    app.delete('/cycles/:id', {
      schema: {
        tags: ['cycles'],
        summary: 'Delete a cycle that holds no published objectives, with its drafts (owner/admin/champion); archive it otherwise',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteCycle(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

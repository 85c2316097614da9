import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addAlignment, removeAlignment } from '../../services/okrs/alignments.js';
import { createObjective, deleteObjective, requireVisibleObjective, updateObjective } from '../../services/okrs/objectives.js';
import { presentObjectivesPage } from '../../services/okrs/objectives-page.js';
import { presentObjectives } from '../../services/okrs/read-model.js';
import { markShared } from '../../services/okrs/shared-objectives.js';
import type { Actor } from '../../auth/actor.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { plainJsonSerializer } from '../fast-serializer.js';
import { alignmentBody, asOfQuery, objectiveCreate, objectiveFilters, objectivePatch, objectiveView } from './schema.js';

export const objectiveRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (actor: Actor, id: string, asOf?: string) =>
      (await presentObjectives(ctx.db, actor, [await requireVisibleObjective(ctx.db, actor, id)], { now: ctx.clock(), asOf }))[0]!;

    app.get('/objectives', {
      serializerCompiler: plainJsonSerializer,
      schema: {
        tags: ['objectives'],
        summary: 'Objectives with their key results, filtered',
        querystring: objectiveFilters,
        response: { 200: z.array(objectiveView) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { asOf, ...filters } = request.query;
        // One round trip: the objectives are found inside the statement that reads what presenting them needs.
        const views = await presentObjectivesPage(ctx.db, actor, filters, { now: ctx.clock(), asOf });
        // A team's list with what it contributes to says, on each, whose it is.
        return filters.teamId && filters.shared === 'true' ? markShared(filters.teamId, views) : views;
      },
    });

    app.post('/objectives', {
      schema: {
        tags: ['objectives'],
        summary:
          'Create an objective, a draft unless `status` says otherwise (company level: admins; in a team: its leads, and its members for themselves)',
        body: objectiveCreate,
        response: {
          201: objectiveView,
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const created = await createObjective(ctx, actor, request.body);
        return reply.status(201).send(await view(actor, created.id));
      },
    });

    app.get('/objectives/:id', {
      schema: {
        tags: ['objectives'],
        summary: 'One objective with its key results; `asOf` travels back in time',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: objectiveView, 404: problemSchema },
      },
      handler: async (request) => view(actorOf(request), request.params.id, request.query.asOf),
    });

    app.patch('/objectives/:id', {
      schema: {
        tags: ['objectives'],
        summary: 'Change an objective; a new team, owner, type or status passes the same rule as creating it there',
        params: idParam,
        body: objectivePatch,
        response: { 200: objectiveView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await updateObjective(ctx, actor, request.params.id, request.body);
        return view(actor, request.params.id);
      },
    });

    app.delete('/objectives/:id', {
      schema: {
        tags: ['objectives'],
        summary: 'Delete an objective with its key results and check-ins',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteObjective(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/objectives/:id/alignments', {
      schema: {
        tags: ['objectives'],
        summary: 'Align this objective to a parent objective or a parent key result',
        params: idParam,
        body: alignmentBody,
        response: { 201: objectiveView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        await addAlignment(ctx, actor, request.params.id, request.body);
        return reply.status(201).send(await view(actor, request.params.id));
      },
    });

    app.delete('/objectives/:id/alignments/:alignmentId', {
      schema: {
        tags: ['objectives'],
        summary: 'Remove one alignment',
        params: idParam.extend({ alignmentId: z.uuid() }),
        response: { 200: objectiveView, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await removeAlignment(ctx, actor, request.params.id, request.params.alignmentId);
        return view(actor, request.params.id);
      },
    });
  };

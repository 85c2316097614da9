import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { createKeyResult, deleteKeyResult, overrideScore, updateKeyResult } from '../../services/okrs/key-results.js';
import { presentKeyResults } from '../../services/okrs/read-model.js';
import { requireVisibleObjective } from '../../services/okrs/objectives.js';
import { loadKeyResultFor } from '../../services/okrs/actor-reads.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { asOfQuery, keyResultCreate, keyResultPatch, keyResultView, scoreOverrideBody } from './schema.js';

export const keyResultRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (actor: Actor, objectiveId: string, keyResultId: string, asOf?: string) => {
      const objective = await requireVisibleObjective(ctx.db, actor, objectiveId);
      const views = await presentKeyResults(ctx.db, actor, objective, { now: ctx.clock(), asOf });
      return views.find((kr) => kr.id === keyResultId)!;
    };

    app.get('/objectives/:id/key-results', {
      schema: {
        tags: ['key results'],
        summary: "An objective's key results",
        params: idParam,
        querystring: asOfQuery,
        response: { 200: z.array(keyResultView), 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return presentKeyResults(ctx.db, actor, await requireVisibleObjective(ctx.db, actorOf(request), request.params.id), {
          now: ctx.clock(),
          asOf: request.query.asOf,
        });
      },
    });

    app.post('/objectives/:id/key-results', {
      schema: {
        tags: ['key results'],
        summary: 'Add a key result: metric (start/target), threshold (targetMin/targetMax), milestone (milestones) or rollup',
        params: idParam,
        body: keyResultCreate,
        response: {
          201: keyResultView,
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const kr = await createKeyResult(ctx, actor, request.params.id, request.body);
        return reply.status(201).send(await view(actor, kr.objectiveId, kr.id));
      },
    });

    app.get('/key-results/:id', {
      schema: {
        tags: ['key results'],
        summary: 'One key result',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: keyResultView, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { keyResult } = await loadKeyResultFor(ctx.db, actor, request.params.id);
        return view(actor, keyResult.objectiveId, keyResult.id, request.query.asOf);
      },
    });

    app.patch('/key-results/:id', {
      schema: {
        tags: ['key results'],
        summary: 'Change a key result (its kind stays)',
        params: idParam,
        body: keyResultPatch,
        response: { 200: keyResultView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const keyResult = await updateKeyResult(ctx, actor, request.params.id, request.body);
        return view(actor, keyResult.objectiveId, keyResult.id);
      },
    });

    app.delete('/key-results/:id', {
      schema: {
        tags: ['key results'],
        summary: 'Delete a key result and its check-ins',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteKeyResult(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.put('/key-results/:id/score-override', {
      schema: {
        tags: ['key results'],
        summary:
          "Override the computed closing score with a reason (the key result's owner, the objective's owner or an admin); null removes it",
        params: idParam,
        body: scoreOverrideBody,
        response: { 200: keyResultView, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const keyResult = await overrideScore(ctx, actor, request.params.id, request.body);
        return view(actor, keyResult.objectiveId, keyResult.id);
      },
    });
  };

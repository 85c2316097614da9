import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeObjectiveEdit } from '../../policies/okrs.js';
import { isAdmin } from '../../policies/index.js';
import { createKeyResult, deleteKeyResult, overrideScore, updateKeyResult } from '../../services/okrs/key-results.js';
import { presentKeyResults } from '../../services/okrs/read-model.js';
import { requireObjective } from '../../services/okrs/objectives.js';
import { actorOf, scopeOf, type AppContext } from '../context.js';
import { forbidden } from '../../errors.js';
import { idParam, problemSchema } from '../schemas.js';
import { editableObjective, keyResultWithRelation } from './access.js';
import { asOfQuery, keyResultCreate, keyResultPatch, keyResultView, scoreOverrideBody } from './schema.js';

export const keyResultRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (orgId: string, objectiveId: string, keyResultId: string, asOf?: string) => {
      const views = await presentKeyResults(ctx.db, orgId, await requireObjective(ctx.db, orgId, objectiveId), { now: ctx.clock(), asOf });
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
        const { orgId } = actorOf(request);
        return presentKeyResults(ctx.db, orgId, await requireObjective(ctx.db, orgId, request.params.id), {
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
        response: { 201: keyResultView, 400: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        await editableObjective(ctx, actor, request.params.id);
        const kr = await createKeyResult(ctx.db, scopeOf(actor), request.params.id, { ownerId: actor.userId, ...request.body });
        return reply.status(201).send(await view(actor.orgId, kr.objectiveId, kr.id));
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
        const { keyResult } = await keyResultWithRelation(ctx, actor, request.params.id);
        return view(actor.orgId, keyResult.objectiveId, keyResult.id, request.query.asOf);
      },
    });

    app.patch('/key-results/:id', {
      schema: {
        tags: ['key results'],
        summary: 'Change a key result (its kind stays)',
        params: idParam,
        body: keyResultPatch,
        response: { 200: keyResultView, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { keyResult, relation } = await keyResultWithRelation(ctx, actor, request.params.id);
        if (keyResult.ownerId !== actor.userId) authorizeObjectiveEdit(actor, relation);
        await updateKeyResult(ctx.db, scopeOf(actor), keyResult.id, request.body);
        return view(actor.orgId, keyResult.objectiveId, keyResult.id);
      },
    });

    app.delete('/key-results/:id', {
      schema: { tags: ['key results'], summary: 'Delete a key result and its check-ins', params: idParam, response: { 204: z.null() } },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { keyResult, relation } = await keyResultWithRelation(ctx, actor, request.params.id);
        authorizeObjectiveEdit(actor, relation);
        await deleteKeyResult(ctx.db, scopeOf(actor), keyResult.id);
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
        response: { 200: keyResultView, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { keyResult, relation } = await keyResultWithRelation(ctx, actor, request.params.id);
        if (!(isAdmin(actor) || keyResult.ownerId === actor.userId || relation.owns))
          throw forbidden('Only the owner or an admin can override a score.');
        await overrideScore(ctx.db, scopeOf(actor), keyResult.id, request.body);
        return view(actor.orgId, keyResult.objectiveId, keyResult.id);
      },
    });
  };

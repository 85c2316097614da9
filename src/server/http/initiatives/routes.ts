import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listInitiatives, myOpenInitiatives } from '../../services/initiatives/initiative-reads.js';
import { createInitiative, deleteInitiative, setDrivenByInitiatives, updateInitiative } from '../../services/initiatives/initiatives.js';
import { moveKeyResultToInitiative } from '../../services/initiatives/move-to-initiative.js';
import { actorOf, type AppContext } from '../context.js';
import { presentInitiative } from '../presenters/initiatives.js';
import { idParam, problemSchema } from '../schemas.js';
import {
  driveBody,
  initiativeCreate,
  initiativeListView,
  initiativePatch,
  initiativeView,
  moveToInitiativeBody,
  myInitiativeView,
} from './schema.js';

const errors = { 403: problemSchema, 404: problemSchema, 422: problemSchema };

export const initiativeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/key-results/:id/initiatives', {
      schema: {
        tags: ['initiatives'],
        summary: "A key result's initiatives (the work under it); they count in no progress unless they drive it",
        params: idParam,
        response: { 200: initiativeListView, 404: problemSchema },
      },
      handler: async (request) => {
        const { rows, driven, can } = await listInitiatives(ctx.db, actorOf(request), request.params.id);
        return {
          drivenByInitiatives: driven,
          countsInProgress: driven,
          can,
          initiatives: rows.map((r) => presentInitiative(r.initiative, r.ownerName)),
        };
      },
    });

    app.post('/key-results/:id/initiatives', {
      schema: {
        tags: ['initiatives'],
        summary: 'Plan an initiative under a key result',
        params: idParam,
        body: initiativeCreate,
        response: { 201: initiativeView, ...errors },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const row = await createInitiative(ctx, actor, request.params.id, request.body);
        return reply.status(201).send(presentInitiative(row, null));
      },
    });

    app.post('/key-results/:id/move-to-initiative', {
      schema: {
        tags: ['initiatives'],
        summary:
          'The coach’s “move this to an initiative”: an output key result becomes an initiative under another key result of its objective, and goes',
        params: idParam,
        body: moveToInitiativeBody,
        response: { 201: initiativeView, ...errors },
      },
      handler: async (request, reply) => {
        const row = await moveKeyResultToInitiative(ctx, actorOf(request), request.params.id, request.body.underKeyResultId);
        return reply.status(201).send(presentInitiative(row, null));
      },
    });

    app.put('/key-results/:id/initiative-drive', {
      schema: {
        tags: ['initiatives'],
        summary: "Let a milestone key result's initiatives drive its progress (driven=true), or tick its milestones by hand again",
        params: idParam,
        body: driveBody,
        response: { 200: z.object({ keyResultId: z.string(), driven: z.boolean() }), ...errors },
      },
      handler: async (request) => setDrivenByInitiatives(ctx, actorOf(request), request.params.id, request.body.driven),
    });

    app.patch('/initiatives/:id', {
      schema: {
        tags: ['initiatives'],
        summary: 'Change an initiative (its status, owner, due date…)',
        params: idParam,
        body: initiativePatch,
        response: { 200: initiativeView, ...errors },
      },
      handler: async (request) => presentInitiative(await updateInitiative(ctx, actorOf(request), request.params.id, request.body), null),
    });

    app.delete('/initiatives/:id', {
      schema: { tags: ['initiatives'], summary: 'Remove an initiative', params: idParam, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteInitiative(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/me/initiatives', {
      schema: {
        tags: ['initiatives'],
        summary: "The caller's open initiatives (planned or in progress), due first: part of their week",
        response: { 200: z.array(myInitiativeView) },
      },
      handler: async (request) =>
        (await myOpenInitiatives(ctx.db, actorOf(request))).map((r) => ({
          ...presentInitiative(r.initiative, r.ownerName),
          keyResultTitle: r.keyResultTitle,
          objectiveId: r.objectiveId,
          objectiveTitle: r.objectiveTitle,
        })),
    });
  };

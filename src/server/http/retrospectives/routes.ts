import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addAction, openActionsOf, setActionDone } from '../../services/retrospectives/retrospective-actions.js';
import { cycleRetrospectives, oneRetrospective } from '../../services/retrospectives/retrospective-reads.js';
import { inviteParticipant, openRetrospective, updateRetrospective } from '../../services/retrospectives/retrospectives.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { actionCreate, actionView, myActionView, retrospectiveOpen, retrospectiveUpdate, retrospectiveView } from './schema.js';

type Details = Awaited<ReturnType<typeof oneRetrospective>>;
const present = (retro: Details) => ({ ...retro, updatedAt: retro.updatedAt.toISOString() });

export const retrospectiveRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/retrospectives', {
      schema: {
        tags: ['retrospectives'],
        summary: 'The cycle’s retrospectives, and the teams with objectives in it still owing one',
        params: idParam,
        response: {
          200: z.object({
            retrospectives: z.array(retrospectiveView),
            missingTeams: z.array(z.object({ teamId: z.string(), teamName: z.string() })),
          }),
          404: problemSchema,
        },
      },
      handler: async (request) => {
        const result = await cycleRetrospectives(ctx.db, actorOf(request), request.params.id);
        return { ...result, retrospectives: result.retrospectives.map(present) };
      },
    });

    app.post('/cycles/:id/retrospectives', {
      schema: {
        tags: ['retrospectives'],
        summary: 'Open a team’s retrospective of the cycle (one per team with objectives in it), or one for a shared objective',
        params: idParam,
        body: retrospectiveOpen,
        response: { 201: retrospectiveView, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const retro = await openRetrospective(ctx, actor, request.params.id, request.body);
        return reply.status(201).send(present(await oneRetrospective(ctx.db, actor, retro.id)));
      },
    });

    app.get('/retrospectives/:id', {
      schema: {
        tags: ['retrospectives'],
        summary: 'One retrospective with its co-edited document',
        params: idParam,
        response: { 200: retrospectiveView, 404: problemSchema },
      },
      handler: async (request) => present(await oneRetrospective(ctx.db, actorOf(request), request.params.id)),
    });

    app.post('/retrospectives/:id/updates', {
      schema: {
        tags: ['retrospectives'],
        summary: 'Send a Yjs update from an editor; the others hear a `retrospective` live event and fetch the merged state',
        params: idParam,
        body: retrospectiveUpdate,
        response: { 200: z.object({ updatedAt: z.string() }), 404: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const saved = await updateRetrospective(ctx, actorOf(request), request.params.id, request.body.update);
        return { updatedAt: saved.updatedAt.toISOString() };
      },
    });

    app.post('/retrospectives/:id/participants', {
      schema: {
        tags: ['retrospectives'],
        summary: 'Invite someone, from any team, to write in the retrospective',
        params: idParam,
        body: z.object({ userId: z.string().min(1).max(64) }),
        response: { 204: z.null(), 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        await inviteParticipant(ctx, actorOf(request), request.params.id, request.body.userId);
        return reply.status(204).send(null);
      },
    });

    app.post('/retrospectives/:id/actions', {
      schema: {
        tags: ['retrospectives'],
        summary: 'Agree an action with an owner and a due date (it appears in the owner’s week)',
        params: idParam,
        body: actionCreate,
        response: { 201: actionView, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => reply.status(201).send(await addAction(ctx, actorOf(request), request.params.id, request.body)),
    });

    app.patch('/retrospective-actions/:id', {
      schema: {
        tags: ['retrospectives'],
        summary: 'Mark an action done or open again',
        params: idParam,
        body: z.object({ done: z.boolean() }),
        response: { 200: actionView, 404: problemSchema },
      },
      handler: async (request) => setActionDone(ctx, actorOf(request), request.params.id, request.body.done),
    });

    app.get('/retrospective-actions/mine', {
      schema: {
        tags: ['retrospectives'],
        summary: 'My open actions from retrospectives, soonest due first',
        response: { 200: z.array(myActionView) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return openActionsOf(ctx.db, actor.orgId, actor.userId);
      },
    });
  };

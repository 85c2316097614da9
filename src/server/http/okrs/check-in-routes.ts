import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkInsOf, createCheckIn, deleteCheckIn, updateCheckIn } from '../../services/okrs/check-ins.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { presentCheckIn as present } from '../presenters/check-ins.js';
import { findUser } from '../../services/users.js';
import { checkInBody, checkInView } from './schema.js';

export const checkInRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/key-results/:id/check-ins', {
      schema: {
        tags: ['check-ins'],
        summary: 'Check-in history, newest first',
        params: idParam,
        response: { 200: z.array(checkInView), 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return (await checkInsOf(ctx.db, actor, request.params.id)).map((r) => present(actor, r.checkIn, r.authorName));
      },
    });

    app.post('/key-results/:id/check-ins', {
      schema: {
        tags: ['check-ins'],
        summary: 'Check in: a value (metric, threshold) or milestone states, confidence 0–10, note, blockers; asOf defaults to today',
        params: idParam,
        body: checkInBody,
        response: { 201: checkInView, 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const row = await createCheckIn(ctx, actor, request.params.id, request.body);
        return reply.status(201).send(present(actor, row, actor.name));
      },
    });

    app.patch('/check-ins/:id', {
      schema: {
        tags: ['check-ins'],
        summary: 'Correct a check-in (its author or an admin); the previous version stays in the history',
        params: idParam,
        body: checkInBody,
        response: { 200: checkInView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const row = await updateCheckIn(ctx, actor, request.params.id, request.body);
        const author = row.authorId ? await findUser(ctx.db, actor.orgId, row.authorId) : undefined;
        return present(actor, row, author?.name ?? null);
      },
    });

    app.delete('/check-ins/:id', {
      schema: {
        tags: ['check-ins'],
        summary: 'Delete a check-in (its author or an admin) while its cycle is open',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteCheckIn(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withPeople, listComments } from '../../services/social/comment-list.js';
import { createComment, deleteComment, type requireComment, updateComment } from '../../services/social/comments.js';
import type { Actor } from '../../auth/actor.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { presentComment } from '../presenters/social.js';
import { commentCreate, commentPatch, commentTarget, commentView } from './schema.js';

export const commentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (viewer: Actor, row: Awaited<ReturnType<typeof requireComment>>) =>
      presentComment(viewer)((await withPeople(ctx.db, [row], viewer.userId))[0]!);

    app.get('/comments', {
      schema: {
        tags: ['comments'],
        summary: 'Comments on an objective, key result or check-in, oldest first',
        querystring: commentTarget,
        response: { 200: z.array(commentView), 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return (await listComments(ctx.db, actor, request.query.targetType, request.query.targetId)).map(presentComment(actor));
      },
    });

    app.post('/comments', {
      schema: {
        tags: ['comments'],
        summary:
          'Comment on an objective, key result or check-in; `@[Name](userId)` mentions notify that person, and the owner hears of it',
        body: commentCreate,
        response: { 201: commentView, 400: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const comment = await createComment(ctx, actor, request.body);
        return reply.status(201).send(await view(actor, comment));
      },
    });

    app.patch('/comments/:id', {
      schema: {
        tags: ['comments'],
        summary: 'Edit a comment (its author or an admin); newly mentioned people are notified',
        params: idParam,
        body: commentPatch,
        response: { 200: commentView, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const comment = await updateComment(ctx, actor, request.params.id, request.body.body);
        return view(actor, comment);
      },
    });

    app.delete('/comments/:id', {
      schema: {
        tags: ['comments'],
        summary: 'Delete a comment (its author or an admin)',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteComment(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

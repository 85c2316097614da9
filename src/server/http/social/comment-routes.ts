import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withPeople, listComments } from '../../services/social/comment-list.js';
import { createComment, deleteComment, requireComment, updateComment } from '../../services/social/comments.js';
import { actorOf, notifyContext, scopeOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { authorizeCommentChange, tellPages, writerOf } from './access.js';
import { presentComment } from './present.js';
import { commentCreate, commentPatch, commentTarget, commentView } from './schema.js';

export const commentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (viewerId: string, row: Awaited<ReturnType<typeof requireComment>>) =>
      presentComment((await withPeople(ctx.db, [row], viewerId))[0]!);

    app.get('/comments', {
      schema: {
        tags: ['comments'],
        summary: 'Comments on an objective, key result or check-in, oldest first',
        querystring: commentTarget,
        response: { 200: z.array(commentView), 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return (await listComments(ctx.db, actor.orgId, actor.userId, request.query.targetType, request.query.targetId)).map(
          presentComment,
        );
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
        const { comment, notified } = await createComment(ctx.db, writerOf(actor), notifyContext(ctx), request.body);
        tellPages(ctx, actor.orgId, { type: 'comment', entityId: comment.targetId }, notified);
        return reply.status(201).send(await view(actor.userId, comment));
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
        authorizeCommentChange(actor, (await requireComment(ctx.db, actor.orgId, request.params.id)).authorId);
        const { comment, notified } = await updateComment(
          ctx.db,
          writerOf(actor),
          notifyContext(ctx),
          request.params.id,
          request.body.body,
        );
        tellPages(ctx, actor.orgId, { type: 'comment', entityId: comment.targetId }, notified);
        return view(actor.userId, comment);
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
        const actor = actorOf(request);
        authorizeCommentChange(actor, (await requireComment(ctx.db, actor.orgId, request.params.id)).authorId);
        const removed = await deleteComment(ctx.db, scopeOf(actor), request.params.id);
        tellPages(ctx, actor.orgId, { type: 'comment', entityId: removed.targetId });
        return reply.status(204).send(null);
      },
    });
  };

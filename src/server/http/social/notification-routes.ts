import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listNotifications, markAllRead, markRead } from '../../services/notifications/centre.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { presentNotification } from '../presenters/social.js';
import { notificationPage, pageQuery, unreadView } from './schema.js';

/** The caller's notification centre. Other open tabs hear of read changes through the live stream (the service announces). */
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/notifications', {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, with how many are unread',
        querystring: pageQuery,
        response: { 200: notificationPage },
      },
      handler: async (request) => {
        const page = await listNotifications(ctx.db, actorOf(request).userId, request.query);
        return { ...page, items: page.items.map(presentNotification) };
      },
    });

    app.post('/notifications/:id/read', {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: idParam,
        response: { 200: unreadView, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return { unread: await markRead(ctx, actor, request.params.id) };
      },
    });

    app.post('/notifications/read-all', {
      schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 200: unreadView } },
      handler: async (request) => {
        await markAllRead(ctx, actorOf(request));
        return { unread: 0 };
      },
    });
  };

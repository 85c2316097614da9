import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { commentRoutes } from './comment-routes.js';
import { eventStreamRoutes } from './event-stream.js';
import { feedRoutes } from './feed-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { preferenceRoutes } from './preference-routes.js';
import { reactionRoutes } from './reaction-routes.js';
import { unsubscribeRoute } from './unsubscribe-route.js';

/** Comments, reactions, the feed, the notification centre and live updates (docs/feed-and-notifications.md). */
export const socialRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const routes of [
      commentRoutes,
      reactionRoutes,
      feedRoutes,
      notificationRoutes,
      preferenceRoutes,
      unsubscribeRoute,
      eventStreamRoutes,
    ]) {
      await app.register(routes(ctx));
    }
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readFeed } from '../../services/social/feed.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';
import { feedPage, feedQuery } from './feed-schema.js';
import { presentFeedItem } from '../presenters/social.js';

export const feedRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/feed', {
      schema: {
        tags: ['feed'],
        summary:
          'What happened, newest first (or ranked for the caller): check-ins, targets reached, new, re-statused and closed OKRs, comments, asynchronous meeting updates. The organisation’s, a team’s or an objective’s',
        querystring: feedQuery,
        response: { 200: feedPage, 400: problemSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const page = await readFeed(ctx.db, actor, request.query, ctx.clock());
        return { items: page.items.map(presentFeedItem), nextBefore: page.nextBefore };
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarOf } from '../../services/calendar/calendar-events.js';
import { calendarFeedOf, calendarFeedUrl, feedOwner, revokeCalendarFeed } from '../../services/calendar/calendar-feed.js';
import { renderCalendar } from '../../services/calendar/calendar-ics.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

const tags = ['calendar'];
const feedView = z.object({ url: z.string(), createdAt: z.string() }).meta({ id: 'CalendarFeed' });

/** The person's private iCalendar feed: check-in due times, their meetings, cycle phase dates. */
export const calendarRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/me/calendar-feed', {
      schema: { tags, summary: "The caller's private calendar feed URL, created on first use", response: { 200: feedView } },
      handler: async (request) => {
        const feed = await calendarFeedOf(ctx.db, ctx.secret, actorOf(request));
        return { url: calendarFeedUrl(ctx.config.publicUrl, feed.token), createdAt: feed.createdAt.toISOString() };
      },
    });

    app.delete('/me/calendar-feed', {
      schema: { tags, summary: "Revoke the caller's calendar feed: its URL stops working", response: { 204: z.null() } },
      handler: async (request, reply) => {
        await revokeCalendarFeed(ctx.db, actorOf(request));
        return reply.status(204).send(null);
      },
    });

    app.get('/calendar/:token', {
      config: { public: true },
      schema: {
        tags,
        summary: 'A private calendar feed (RFC 5545), opened by its signed link; forged or revoked links are not found',
        params: z.object({ token: z.string().max(200) }),
        response: { 200: z.string(), 404: problemSchema },
      },
      handler: async (request, reply) => {
        const owner = await feedOwner(ctx.db, ctx.secret, request.params.token.replace(/\.ics$/, ''));
        const now = ctx.clock();
        const feed = await calendarOf(ctx.db, owner.orgId, owner.userId, now, ctx.config.publicUrl);
        reply.header('cache-control', 'private, no-store');
        return reply.type('text/calendar; charset=utf-8').send(renderCalendar(feed, now));
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { preferencesOf, quietHoursOf, replacePreferences, setQuietHours } from '../../services/notifications/preferences.js';
import { actorOf, scopeOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';
import { preferencesBody, preferencesView, quietHours } from './schema.js';

export const preferenceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (orgId: string, userId: string) => {
      const { start, end, timeZone } = await quietHoursOf(ctx.db, orgId, userId);
      return { preferences: await preferencesOf(ctx.db, userId), quietHours: { start, end }, timeZone };
    };

    app.get('/me/notification-preferences', {
      schema: {
        tags: ['notifications'],
        summary: 'How I want to hear of each kind of notification (in the app, by e-mail), and my quiet hours',
        response: { 200: preferencesView },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return view(actor.orgId, actor.userId);
      },
    });

    app.put('/me/notification-preferences', {
      schema: {
        tags: ['notifications'],
        summary: 'Replace my choices: listed kind × channel pairs are stored, the rest are back to on',
        body: preferencesBody,
        response: { 200: preferencesView, 400: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await replacePreferences(ctx.db, scopeOf(actor), request.body.preferences);
        return view(actor.orgId, actor.userId);
      },
    });

    app.put('/me/quiet-hours', {
      schema: {
        tags: ['notifications'],
        summary: 'Quiet hours in my time zone: e-mail waits until they end (`start`/`end` 0–23, both null for none)',
        body: quietHours,
        response: { 200: preferencesView, 400: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await setQuietHours(ctx.db, scopeOf(actor), request.body);
        return view(actor.orgId, actor.userId);
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadRhythm, saveRhythm, teamSchedules } from '../../services/rhythm/settings.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';
import { rhythmBody, rhythmView, teamRhythmView } from './schema.js';

/** Response timeframes and the digest moment (organisation), and each team's check-in schedule. */
export const rhythmSettingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (orgId: string) => {
      const { timeZone, rhythm } = await loadRhythm(ctx.db, orgId);
      return { ...rhythm, timeZone };
    };

    app.get('/organization/rhythm', {
      schema: {
        tags: ['rhythm'],
        summary: 'Response timeframes (hours), escalation delay and weekly digest moment, in the organisation time zone',
        response: { 200: rhythmView },
      },
      handler: async (request) => view(actorOf(request).orgId),
    });

    app.put('/organization/rhythm', {
      schema: {
        tags: ['rhythm'],
        summary:
          'Set the response timeframes, escalation delay and digest moment; omitted fields return to their defaults (owner/admin/champion)',
        body: rhythmBody,
        response: { 200: rhythmView, 400: problemSchema, 403: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await saveRhythm(ctx.db, actor, request.body);
        return view(actor.orgId);
      },
    });

    app.get('/organization/rhythm/teams', {
      schema: {
        tags: ['rhythm'],
        summary: "Each team's check-in cadence, day, hour and next due moment; the webhook URL for owners/admins only",
        response: { 200: z.array(teamRhythmView) },
      },
      handler: async (request) => {
        return teamSchedules(ctx.db, actorOf(request), ctx.clock());
      },
    });
  };

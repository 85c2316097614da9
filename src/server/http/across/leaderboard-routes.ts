import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cycleLeaderboard } from '../../services/across/leaderboard.js';
import { requireCycle } from '../../services/okrs/cycles.js';
import { writeStrategy } from '../../services/strategy/narrative.js';
import { authorizeLeaderboardSettings } from '../../policies/strategy.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { leaderboardSchema, leaderboardSettingsBody, leaderboardSettingsSchema } from './leaderboard-schema.js';

export const leaderboardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/leaderboard', {
      schema: {
        tags: ['cycles'],
        summary: "Teams ranked by the organisation's chosen measure, with the week's wins",
        description:
          'Never raw progress (which rewards sandbagging): progress against pace, check-in discipline or improvement on the previous cycle, as the organisation chooses. 404 when an admin has turned it off (admins still see it, to turn it back on).',
        params: idParam,
        response: { 200: leaderboardSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const cycle = await requireCycle(ctx.db, actor.orgId, request.params.id);
        return cycleLeaderboard(ctx.db, actor, cycle, ctx.clock());
      },
    });

    app.put('/leaderboard/settings', {
      schema: {
        tags: ['strategy'],
        summary: 'Turn the leaderboard on or off, choose its measure, hide team names (owners and admins)',
        body: leaderboardSettingsBody,
        response: { 200: leaderboardSettingsSchema, 403: problemSchema },
      },
      handler: async (request) => {
        const { enabled, measure, hideNames } = request.body;
        const row = await writeStrategy(
          ctx,
          actorOf(request),
          { leaderboardEnabled: enabled, leaderboardMeasure: measure, leaderboardHideNames: hideNames },
          authorizeLeaderboardSettings,
        );
        return { enabled: row.leaderboardEnabled, measure: row.leaderboardMeasure, hideNames: row.leaderboardHideNames };
      },
    });
  };

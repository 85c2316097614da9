import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { calendarRoutes } from './calendar-routes.js';
import { changesRoutes } from './changes-routes.js';
import { meetingRoutes } from './meeting-routes.js';
import { reportRoutes } from './report-routes.js';
import { reportScheduleRoutes } from './report-schedule-routes.js';

/** The review rhythm (issue 17): what changed, meetings, calendar feed, reports and their e-mails. */
export const reviewRhythmRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const routes of [changesRoutes, meetingRoutes, calendarRoutes, reportRoutes, reportScheduleRoutes])
      await app.register(routes(ctx));
  };

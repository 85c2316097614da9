import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadStatusMargins, saveStatusMargins } from '../../services/okrs/status-margins.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

const margin = z
  .number({ message: 'Must be a number.' })
  .min(0, 'Between 0 and 1.')
  .max(1, 'Between 0 and 1.')
  .describe('A fraction of the whole key result: 0.1 is 10 points of progress');
export const statusMargins = z.object({
  onTrackMargin: margin.describe('Progress this far behind the expected pace (or less) is on track'),
  atRiskMargin: margin.describe('Progress this far behind (or less, past the on-track margin) is at risk; further behind is off track'),
});

/** The organisation's status margins: how far behind pace is still on track, and at risk. */
export const statusMarginRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/organization/status-margins', {
      schema: {
        tags: ['organization'],
        summary: 'How far behind the expected pace progress stays on track and at risk',
        response: { 200: statusMargins },
      },
      handler: async (request) => loadStatusMargins(ctx.db, actorOf(request).orgId),
    });

    app.put('/organization/status-margins', {
      schema: {
        tags: ['organization'],
        summary: 'Set the status margins (owner/admin/champion); the on-track margin may not exceed the at-risk margin',
        body: statusMargins,
        response: { 200: statusMargins, 400: problemSchema, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => saveStatusMargins(ctx, actorOf(request), request.body),
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { kpiSettingsOf, updateKpiSettings } from '../../services/kpis/kpi-settings.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

const settings = z.object({
  recoveryPeriods: z
    .number()
    .int('Use a whole number.')
    .min(1)
    .max(52)
    .describe('Unhealthy periods in a row before a recovery is proposed'),
});

export const kpiSettingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/kpi-settings', {
      schema: { tags: ['kpis'], summary: "The organisation's KPI settings", response: { 200: settings } },
      handler: async (request) => kpiSettingsOf(ctx, actorOf(request)),
    });
    app.put('/kpi-settings', {
      schema: {
        tags: ['kpis'],
        summary: 'Change the KPI settings (owner/admin)',
        body: settings,
        response: { 200: settings, 403: problemSchema },
      },
      handler: async (request) => updateKpiSettings(ctx, actorOf(request), request.body),
    });
  };

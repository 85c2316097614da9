import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { rhythmAdminRoutes } from './admin-routes.js';
import { attentionRoutes } from './attention-routes.js';
import { rhythmSettingsRoutes } from './settings-routes.js';

/** The check-in rhythm: settings, needs-attention, and the operators' job and outbox endpoints. */
export const rhythmRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const routes of [rhythmSettingsRoutes, attentionRoutes, rhythmAdminRoutes]) await app.register(routes(ctx));
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { kpiRoutes as kpiResourceRoutes } from './kpi-routes.js';
import { kpiValueRoutes } from './value-routes.js';
import { kpiBulkValueRoutes } from './bulk-value-routes.js';
import { keyResultKpiRoutes } from './key-result-kpi-routes.js';
import { kpiSettingsRoutes } from './settings-routes.js';
import { ingestRoutes } from './ingest-routes.js';
import { proposalRoutes } from './proposal-routes.js';
import { initiativeRoutes } from '../initiatives/routes.js';
import { attachmentRoutes } from '../attachments/routes.js';

/** Everything of issue 15 under /api/v1, registered in routes.ts with one line. */
export const kpiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const routes of [
      kpiResourceRoutes,
      kpiValueRoutes,
      kpiBulkValueRoutes,
      keyResultKpiRoutes,
      kpiSettingsRoutes,
      ingestRoutes,
      proposalRoutes,
      initiativeRoutes,
      attachmentRoutes,
    ])
      await app.register(routes(ctx));
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { dependencyRoutes } from './dependency-routes.js';
import { departmentMapRoutes } from './department-map-routes.js';
import { heatmapRoutes } from './heatmap-routes.js';
import { leaderboardRoutes } from './leaderboard-routes.js';
import { mapRoutes } from './map-routes.js';
import { strategyRoutes } from '../strategy/routes.js';

/** The cross-team views: alignment map, dependencies, heatmap, leaderboard, department map, and the strategy they start from. */
export const acrossRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const routes of [mapRoutes, dependencyRoutes, heatmapRoutes, leaderboardRoutes, departmentMapRoutes, strategyRoutes])
      await app.register(routes(ctx));
  };

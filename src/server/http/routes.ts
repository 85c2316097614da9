import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { healthRoutes } from './health/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { organizationRoutes } from './organization/routes.js';
import { statusMarginRoutes } from './organization/status-margins-routes.js';
import { setupRoutes } from './setup/routes.js';
import { teamMemberRoutes } from './teams/member-routes.js';
import { teamRoutes } from './teams/routes.js';
import { tokenRoutes } from './tokens/routes.js';
import { passwordRoutes } from './users/password-routes.js';
import { userRoutes } from './users/routes.js';
import { cycleRoutes } from './okrs/cycle-routes.js';
import { objectiveRoutes } from './okrs/objective-routes.js';
import { keyResultRoutes } from './okrs/key-result-routes.js';
import { checkInRoutes } from './okrs/check-in-routes.js';
import { treeRoutes } from './okrs/tree-routes.js';
import { qualityRoutes } from './quality/routes.js';
import { historyRoutes } from './okrs/history-routes.js';
import { rhythmRoutes } from './rhythm/routes.js';
import { socialRoutes } from './social/routes.js';
import { importRoutes } from './imports/routes.js';

/** Every /api/v1 resource. Add a resource here and it is served and documented. */
export const apiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (api) => {
    for (const routes of [
      setupRoutes,
      organizationRoutes,
      statusMarginRoutes,
      userRoutes,
      passwordRoutes,
      teamRoutes,
      teamMemberRoutes,
      invitationRoutes,
      tokenRoutes,
      cycleRoutes,
      treeRoutes,
      objectiveRoutes,
      keyResultRoutes,
      checkInRoutes,
      historyRoutes,
      qualityRoutes,
      rhythmRoutes,
      socialRoutes,
      importRoutes,
    ]) {
      await api.register(routes(ctx));
    }
  };

export { healthRoutes };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { healthRoutes } from './health/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { organizationRoutes } from './organization/routes.js';
import { statusMarginRoutes } from './organization/status-margins-routes.js';
import { setupRoutes } from './setup/routes.js';
import { passwordResetRoutes } from './password-reset/routes.js';
import { teamMemberRoutes } from './teams/member-routes.js';
import { teamRoutes } from './teams/routes.js';
import { tokenRoutes } from './tokens/routes.js';
import { serviceTokenRoutes } from './tokens/service-token-routes.js';
import { auditRoutes } from './audit/routes.js';
import { scimTokenRoutes } from './scim/token-routes.js';
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
import { kpiRoutes } from './kpis/routes.js';
import { reviewRoutes } from './closing/review-routes.js';
import { rolloverRoutes } from './closing/rollover-routes.js';
import { lessonRoutes } from './lessons/routes.js';
import { evaluationRoutes } from './evaluation/routes.js';
import { retrospectiveRoutes } from './retrospectives/routes.js';
import { acrossRoutes } from './across/routes.js';
import { surveyRoutes } from './surveys/routes.js';
import { rolloutRoutes } from './rollout/routes.js';
import { adoptionRoutes } from './adoption/routes.js';
import { reviewRhythmRoutes } from './review-rhythm/routes.js';
import { importRoutes } from './imports/routes.js';
import { webhookRoutes } from './webhooks/routes.js';
import { slackRoutes } from './slack/routes.js';
import { ssoRoutes } from './sso/routes.js';
import { reviewRequestRoutes } from './review-requests/routes.js';
import { onboardingRoutes } from './onboarding/routes.js';

/** Every /api/v1 resource. Add a resource here and it is served and documented. */
export const apiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (api) => {
    for (const routes of [
      setupRoutes,
      passwordResetRoutes,
      organizationRoutes,
      statusMarginRoutes,
      userRoutes,
      passwordRoutes,
      teamRoutes,
      teamMemberRoutes,
      invitationRoutes,
      tokenRoutes,
      serviceTokenRoutes,
      scimTokenRoutes,
      auditRoutes,
      ssoRoutes,
      cycleRoutes,
      treeRoutes,
      objectiveRoutes,
      keyResultRoutes,
      checkInRoutes,
      historyRoutes,
      qualityRoutes,
      rhythmRoutes,
      socialRoutes,
      kpiRoutes,
      reviewRoutes,
      rolloverRoutes,
      lessonRoutes,
      evaluationRoutes,
      retrospectiveRoutes,
      acrossRoutes,
      surveyRoutes,
      rolloutRoutes,
      reviewRequestRoutes,
      reviewRhythmRoutes,
      importRoutes,
      adoptionRoutes,
      webhookRoutes,
      slackRoutes,
      onboardingRoutes,
    ]) {
      await api.register(routes(ctx));
    }
  };

export { healthRoutes };

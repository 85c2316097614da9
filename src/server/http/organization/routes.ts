import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationAbilities } from '../../policies/index.js';
import { userAbilities } from '../../policies/users.js';
import { loadOrganization, updateOrganization } from '../../services/organization.js';
import { findUser } from '../../services/users.js';
import { onboardingFacts } from '../../services/onboarding/facts.js';
import { onboardingProgress } from '../../../domain/onboarding/index.js';
import { objectivePlaces } from '../../policies/objectives.js';
import { teamRolesOf } from '../../services/team-members.js';
import { actorOf, type AppContext } from '../context.js';
import { presentOrganization } from '../presenters/organization.js';
import { presentUser } from '../presenters/people.js';
import { nameField, problemSchema, timeZoneField } from '../schemas.js';
import { organizationSchema, sessionView } from '../setup/schema.js';
import { notFound } from '../../errors.js';

const organizationPatch = z.object({ name: nameField.optional(), timeZone: timeZoneField.optional() });

const abilitiesView = z.object({
  manageOrganization: z.boolean(),
  managePeople: z.boolean(),
  invite: z.boolean(),
  manageTeams: z.boolean(),
  manageCycles: z.boolean(),
  managePrinciples: z.boolean(),
  manageRhythm: z.boolean(),
  runJobs: z.boolean(),
  manageSurveys: z.boolean(),
  manageRollout: z.boolean(),
  readAdoption: z.boolean(),
  importData: z.boolean(),
  readAudit: z.boolean().describe('Owners and admins: the audit log, its export, verification and retention'),
  manageServiceTokens: z.boolean().describe('Owners and admins: issue, list and revoke service tokens'),
  placeObjectives: z
    .object({ companyLevel: z.boolean(), anyTeam: z.boolean(), teamIds: z.array(z.string()), leadTeamIds: z.array(z.string()) })
    .describe('Where the caller may create objectives: company level, any team, or these teams (leads: for anyone)'),
});
const meView = sessionView.extend({
  user: sessionView.shape.user.extend({ can: z.object({ edit: z.boolean(), changeRole: z.boolean(), deactivate: z.boolean() }) }),
  can: abilitiesView.describe('What the caller may do at the organisation level; the web app renders from this'),
  hasCheckedIn: z.boolean().describe('Whether the caller ever checked in: until then Home explains the weekly loop'),
  onboarding: z
    .object({ path: z.enum(['member', 'lead']), done: z.number().int(), total: z.number().int(), finished: z.boolean() })
    .describe('Where the caller stands on their guided path (GET /onboarding has its steps): Home shows its prompt at once'),
});

export const organizationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/me', {
      schema: {
        tags: ['people'],
        summary: 'The signed-in person, their organisation and what they may do in it',
        response: { 200: meView, 401: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const user = await findUser(ctx.db, actor.orgId, actor.userId);
        if (!user) throw notFound('The person');
        const facts = await onboardingFacts(ctx.db, actor.orgId, actor.userId);
        const { done, total, finished } = onboardingProgress(facts);
        return {
          user: { ...presentUser(user), can: userAbilities(actor, user) },
          organization: presentOrganization(await loadOrganization(ctx.db, actor.orgId)),
          hasCheckedIn: facts.hasCheckedIn,
          onboarding: { path: facts.path, done, total, finished },
          can: {
            ...organizationAbilities(actor),
            placeObjectives: objectivePlaces(actor, await teamRolesOf(ctx.db, actor.orgId, actor.userId)),
          },
        };
      },
    });

    app.get('/organization', {
      schema: { tags: ['organization'], summary: 'The caller’s organisation', response: { 200: organizationSchema } },
      handler: async (request) => presentOrganization(await loadOrganization(ctx.db, actorOf(request).orgId)),
    });

    app.patch('/organization', {
      schema: {
        tags: ['organization'],
        summary: 'Rename the organisation or set its time zone (owner/admin); an empty body changes nothing',
        body: organizationPatch,
        response: { 200: organizationSchema, 400: problemSchema, 403: problemSchema },
      },
      handler: async (request) => presentOrganization(await updateOrganization(ctx.db, actorOf(request), request.body)),
    });
  };

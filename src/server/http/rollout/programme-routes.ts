import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorizeRollout } from '../../policies/rollout.js';
import { moveMaturity, readMaturity } from '../../services/rollout/maturity.js';
import { updatePhase } from '../../services/rollout/phases.js';
import { readProgramme } from '../../services/rollout/programme.js';
import { updateProgrammeSettings } from '../../services/rollout/settings.js';
import { setRolloutTeam } from '../../services/rollout/team.js';
import { problemSchema } from '../schemas.js';
import { actorOf, type AppContext } from '../context.js';
import {
  maturityChange,
  maturityView,
  phaseChange,
  phaseParam,
  phaseView,
  programmeView,
  settingsChange,
  settingsView,
  teamChange,
  teamView,
} from './schema.js';

/** The rollout page's programme: phases, rollout team, pilot and settings (owners, admins and champions). */
export const programmeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/rollout', {
      schema: {
        tags: ['rollout'],
        summary: 'The rollout programme: phases, rollout team with blind spots, pilot scope and settings (owner/admin/champion)',
        response: { 200: programmeView, 403: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        authorizeRollout(actor);
        return readProgramme(ctx.db, actor.orgId);
      },
    });

    app.put('/rollout/phases/:phase', {
      schema: {
        tags: ['rollout'],
        summary: 'Plan or tick one phase of the rollout: owner, due date, done',
        params: phaseParam,
        body: phaseChange,
        response: { 200: phaseView, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => updatePhase(ctx.db, actorOf(request), request.params.phase, request.body),
    });

    app.put('/rollout/team', {
      schema: {
        tags: ['rollout'],
        summary: 'Replace the rollout team: each member with a focus (strategy, process, people)',
        body: teamChange,
        response: { 200: teamView, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => setRolloutTeam(ctx.db, actorOf(request), request.body.members),
    });

    app.patch('/rollout/settings', {
      schema: {
        tags: ['rollout'],
        summary: 'Change the programme settings (company OKRs first, approval required before publishing)',
        body: settingsChange,
        response: { 200: settingsView, 403: problemSchema },
      },
      handler: async (request) => updateProgrammeSettings(ctx.db, actorOf(request), request.body),
    });

    app.get('/rollout/maturity', {
      schema: {
        tags: ['rollout'],
        summary: 'The maturity level, the principles it sets, and whether adoption qualifies for the next (owner/admin/champion)',
        response: { 200: maturityView, 403: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        authorizeRollout(actor);
        return readMaturity(ctx, actor);
      },
    });

    app.put('/rollout/maturity', {
      schema: {
        tags: ['rollout'],
        summary: 'Move the maturity level (owner/admin); its preset is laid over the guiding principles',
        body: maturityChange,
        response: { 200: maturityView, 403: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await moveMaturity(ctx.db, actor, request.body.level);
        return readMaturity(ctx, actor);
      },
    });
  };

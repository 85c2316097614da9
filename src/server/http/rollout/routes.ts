import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listChampions } from '../../services/rollout/champions.js';
import { listPilotTeams, setPilotTeams } from '../../services/rollout/pilot.js';
import { problemSchema } from '../schemas.js';
import { programmeRoutes } from './programme-routes.js';
import { rolloutObjectiveRoutes } from './objective-routes.js';
import { pilotView } from './schema.js';
import { actorOf, type AppContext } from '../context.js';

const championView = z.object({ id: z.string(), name: z.string(), email: z.string(), title: z.string().nullable() });

export const rolloutRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(programmeRoutes(ctx));
    await app.register(rolloutObjectiveRoutes(ctx));

    app.get('/champions', {
      schema: {
        tags: ['rollout'],
        summary: 'The OKR champions: everyone’s contact for questions about OKRs',
        response: { 200: z.array(championView) },
      },
      handler: async (request) => listChampions(ctx.db, actorOf(request).orgId),
    });

    app.get('/rollout/pilot', {
      schema: {
        tags: ['rollout'],
        summary: 'The teams and departments in the pilot (with their sub-teams); empty: no pilot',
        response: { 200: pilotView },
      },
      handler: async (request) => ({ teams: await listPilotTeams(ctx.db, actorOf(request).orgId) }),
    });

    app.put('/rollout/pilot', {
      schema: {
        tags: ['rollout'],
        summary: 'Choose the pilot’s teams and departments (owner/admin/champion); an empty list ends the pilot',
        body: z.object({ teamIds: z.array(z.uuid({ message: 'Must be a valid id.' })).max(500) }),
        response: { 200: pilotView, 404: problemSchema },
      },
      handler: async (request) => ({ teams: await setPilotTeams(ctx.db, actorOf(request), request.body.teamIds) }),
    });
  };

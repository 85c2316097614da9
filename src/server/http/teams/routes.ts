import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { teamAbilities } from '../../policies/teams.js';
import { isTeamLead, teamsLedBy } from '../../services/team-members.js';
import { createTeam, deleteTeam, findTeam, listTeams, updateTeam } from '../../services/teams.js';
import { actorOf, type AppContext } from '../context.js';
import { presentTeam } from '../presenters/teams.js';
import { notFound } from '../../errors.js';
import { idParam, problemSchema } from '../schemas.js';
import { teamCreate, teamPatch, teamSchema } from './schema.js';

const teamView = teamSchema.extend({ can: z.object({ edit: z.boolean(), delete: z.boolean(), manageMembers: z.boolean() }) });

export const teamRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/teams', {
      schema: {
        tags: ['teams'],
        summary: 'All teams of the organisation, flat; `parentId` links them into a tree',
        querystring: z.object({ parentId: z.uuid().optional() }),
        response: { 200: z.array(teamView) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const rows = await listTeams(ctx.db, actor.orgId);
        const led = await teamsLedBy(ctx.db, actor.orgId, actor.userId);
        const { parentId } = request.query;
        return rows
          .filter((r) => !parentId || r.team.parentId === parentId)
          .map((r) => ({ ...presentTeam(r.team, r.memberCount), can: teamAbilities(actor, { leadsTeam: led.has(r.team.id) }) }));
      },
    });

    app.post('/teams', {
      schema: {
        tags: ['teams'],
        summary: 'Create a team or department (owner/admin)',
        body: teamCreate,
        response: { 201: teamSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        return reply
          .status(201)
          .send(presentTeam(await createTeam(ctx.db, actorOf(request), request.body, ctx.config.webhookAllowPrivate), 0));
      },
    });

    app.get('/teams/:id', {
      schema: { tags: ['teams'], summary: 'One team', params: idParam, response: { 200: teamView, 404: problemSchema } },
      handler: async (request) => {
        const actor = actorOf(request);
        const team = await findTeam(ctx.db, actor.orgId, request.params.id);
        if (!team) throw notFound('The team');
        const leadsTeam = await isTeamLead(ctx.db, actor.orgId, team.id, actor.userId);
        return { ...presentTeam(team), can: teamAbilities(actor, { leadsTeam }) };
      },
    });

    app.patch('/teams/:id', {
      schema: {
        tags: ['teams'],
        summary: 'Rename, move (parentId) or change a team (owner/admin)',
        params: idParam,
        body: teamPatch,
        response: { 200: teamSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        return presentTeam(await updateTeam(ctx.db, actorOf(request), request.params.id, request.body, ctx.config.webhookAllowPrivate));
      },
    });

    app.delete('/teams/:id', {
      schema: {
        tags: ['teams'],
        summary: 'Delete a team without sub-teams or objectives (owner/admin); 409 names what is still in it',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteTeam(ctx.db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

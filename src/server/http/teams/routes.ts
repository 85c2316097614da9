import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../policies/index.js';
import { createTeam, deleteTeam, findTeam, listTeams, updateTeam } from '../../services/teams.js';
import { actorOf, scopeOf, type AppContext } from '../context.js';
import { presentTeam } from '../presenters.js';
import { notFound } from '../../errors.js';
import { idParam, problemSchema } from '../schemas.js';
import { teamCreate, teamPatch, teamSchema } from './schema.js';

export const teamRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/teams', {
      schema: {
        tags: ['teams'],
        summary: 'All teams of the organisation, flat; `parentId` links them into a tree',
        querystring: z.object({ parentId: z.uuid().optional() }),
        response: { 200: z.array(teamSchema) },
      },
      handler: async (request) => {
        const rows = await listTeams(ctx.db, actorOf(request).orgId);
        const { parentId } = request.query;
        return rows.filter((r) => !parentId || r.team.parentId === parentId).map((r) => presentTeam(r.team, r.memberCount));
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
        const actor = actorOf(request);
        authorize(actor, 'team.manage');
        return reply
          .status(201)
          .send(presentTeam(await createTeam(ctx.db, scopeOf(actor), request.body, ctx.config.webhookAllowPrivate), 0));
      },
    });

    app.get('/teams/:id', {
      schema: { tags: ['teams'], summary: 'One team', params: idParam, response: { 200: teamSchema, 404: problemSchema } },
      handler: async (request) => {
        const team = await findTeam(ctx.db, actorOf(request).orgId, request.params.id);
        if (!team) throw notFound('The team');
        return presentTeam(team);
      },
    });

    app.patch('/teams/:id', {
      schema: {
        tags: ['teams'],
        summary: 'Rename, move (parentId) or change a team (owner/admin)',
        params: idParam,
        body: teamPatch,
        response: { 200: teamSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        authorize(actor, 'team.manage');
        return presentTeam(await updateTeam(ctx.db, scopeOf(actor), request.params.id, request.body, ctx.config.webhookAllowPrivate));
      },
    });

    app.delete('/teams/:id', {
      schema: {
        tags: ['teams'],
        summary: 'Delete a team without sub-teams (owner/admin)',
        params: idParam,
        response: { 204: z.null(), 409: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        authorize(actor, 'team.manage');
        await deleteTeam(ctx.db, scopeOf(actor), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

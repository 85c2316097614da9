import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMembers, removeMember, setMember, updateMemberRole } from '../../services/team-members.js';
import { findTeam } from '../../services/teams.js';
import { actorOf, type AppContext } from '../context.js';
import { notFound } from '../../errors.js';
import { idParam, iso, problemSchema } from '../schemas.js';
import { memberBody, memberRoleBody, memberSchema } from './schema.js';

const memberParams = idParam.extend({ userId: z.string().min(1).max(64) });

export const teamMemberRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const present = async (orgId: string, teamId: string) =>
      (await listMembers(ctx.db, orgId, teamId)).map((m) => ({ ...m, joinedAt: iso(m.joinedAt)! }));

    app.get('/teams/:id/members', {
      schema: {
        tags: ['teams'],
        summary: "A team's members and leads",
        params: idParam,
        response: { 200: z.array(memberSchema), 404: problemSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        if (!(await findTeam(ctx.db, orgId, request.params.id))) throw notFound('The team');
        return present(orgId, request.params.id);
      },
    });

    app.post('/teams/:id/members', {
      schema: {
        tags: ['teams'],
        summary: 'Add a person to a team, as member or lead (admin or team lead)',
        params: idParam,
        body: memberBody,
        response: { 201: z.array(memberSchema), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        await setMember(ctx.db, actor, request.params.id, request.body.userId, request.body.role);
        return reply.status(201).send(await present(actor.orgId, request.params.id));
      },
    });

    app.patch('/teams/:id/members/:userId', {
      schema: {
        tags: ['teams'],
        summary: 'Make a member a lead, or a lead a member',
        params: memberParams,
        body: memberRoleBody,
        response: { 200: z.array(memberSchema), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await updateMemberRole(ctx.db, actor, request.params.id, request.params.userId, request.body.role);
        return present(actor.orgId, request.params.id);
      },
    });

    app.delete('/teams/:id/members/:userId', {
      schema: {
        tags: ['teams'],
        summary: 'Remove a person from a team',
        params: memberParams,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        await removeMember(ctx.db, actor, request.params.id, request.params.userId);
        return reply.status(204).send(null);
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TEAM_MEMBER_ROLES } from '../../../domain/vocabulary.js';
import { authorize } from '../../policies/index.js';
import { findUser, listUsers, updateUser, type UserFields } from '../../services/users.js';
import { actorOf, scopeOf, type AppContext } from '../context.js';
import { presentUser } from '../presenters.js';
import { forbidden, notFound } from '../../errors.js';
import { nameField, problemSchema, roleField, timeZoneField, userIdParam } from '../schemas.js';
import { userSchema } from '../setup/schema.js';

const userWithTeams = userSchema.extend({ teams: z.array(z.object({ teamId: z.string(), role: z.enum(TEAM_MEMBER_ROLES) })) });

const userPatch = z.object({
  name: nameField.optional(),
  title: z.string().trim().max(120).nullable().optional(),
  timeZone: timeZoneField.nullable().optional(),
  role: roleField.optional(),
  managerId: z.string().min(1).max(64).nullable().optional(),
  active: z.boolean().optional(),
});

const SELF_EDITABLE = new Set(['name', 'title', 'timeZone']);

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/users', {
      schema: { tags: ['people'], summary: 'Everyone in the organisation, with their teams', response: { 200: z.array(userWithTeams) } },
      handler: async (request) =>
        (await listUsers(ctx.db, actorOf(request).orgId)).map(({ user, teams }) => ({ ...presentUser(user), teams })),
    });

    app.get('/users/:id', {
      schema: { tags: ['people'], summary: 'One person', params: userIdParam, response: { 200: userSchema, 404: problemSchema } },
      handler: async (request) => {
        const user = await findUser(ctx.db, actorOf(request).orgId, request.params.id);
        if (!user) throw notFound('The person');
        return presentUser(user);
      },
    });

    app.patch('/users/:id', {
      schema: {
        tags: ['people'],
        summary: 'Change a person: anyone their own name, title and time zone; admins role, manager and active',
        params: userIdParam,
        body: userPatch,
        response: { 200: userSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const fields: UserFields = request.body;
        const onlySelfFields = Object.keys(fields).every((key) => SELF_EDITABLE.has(key));
        if (!(request.params.id === actor.userId && onlySelfFields)) authorize(actor, 'user.manage');
        if (fields.role !== undefined || fields.active !== undefined) {
          // Granting, removing, deactivating or reactivating an owner is for owners only.
          const target = await findUser(ctx.db, actor.orgId, request.params.id);
          if (target && (fields.role === 'owner' || target.role === 'owner')) authorize(actor, 'user.set-owner');
        }
        if (request.params.id === actor.userId && fields.active === false) throw forbidden('You cannot deactivate yourself.');
        return presentUser(await updateUser(ctx.db, scopeOf(actor), request.params.id, fields));
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TEAM_MEMBER_ROLES } from '../../../domain/vocabulary.js';
import { userAbilities } from '../../policies/users.js';
import { findUser, listUsers, updateUser, type UserFields } from '../../services/users.js';
import { actorOf, type AppContext } from '../context.js';
import { presentUser } from '../presenters/people.js';
import { notFound } from '../../errors.js';
import { nameField, problemSchema, roleField, timeZoneField, userIdParam } from '../schemas.js';
import { userSchema } from '../setup/schema.js';

const userAbilitiesView = z.object({ edit: z.boolean(), changeRole: z.boolean(), deactivate: z.boolean() });
const userView = userSchema.extend({ can: userAbilitiesView });
const userWithTeams = userView.extend({ teams: z.array(z.object({ teamId: z.string(), role: z.enum(TEAM_MEMBER_ROLES) })) });

const userPatch = z.object({
  name: nameField.optional(),
  title: z.string().trim().max(120).nullable().optional(),
  timeZone: timeZoneField.nullable().optional(),
  role: roleField.optional(),
  managerId: z.string().min(1).max(64).nullable().optional(),
  active: z.boolean().optional(),
});

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/users', {
      schema: { tags: ['people'], summary: 'Everyone in the organisation, with their teams', response: { 200: z.array(userWithTeams) } },
      handler: async (request) => {
        const actor = actorOf(request);
        return (await listUsers(ctx.db, actor.orgId)).map(({ user, teams }) => ({
          ...presentUser(user),
          can: userAbilities(actor, user),
          teams,
        }));
      },
    });

    app.get('/users/:id', {
      schema: { tags: ['people'], summary: 'One person', params: userIdParam, response: { 200: userView, 404: problemSchema } },
      handler: async (request) => {
        const actor = actorOf(request);
        const user = await findUser(ctx.db, actor.orgId, request.params.id);
        if (!user) throw notFound('The person');
        return { ...presentUser(user), can: userAbilities(actor, user) };
      },
    });

    app.patch('/users/:id', {
      schema: {
        tags: ['people'],
        summary: 'Change a person: anyone their own name, title and time zone; admins role, manager and active',
        params: userIdParam,
        body: userPatch,
        response: { 200: userView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const fields: UserFields = request.body;
        const user = await updateUser(ctx.db, actor, actor.orgId, request.params.id, fields);
        return { ...presentUser(user), can: userAbilities(actor, user) };
      },
    });
  };

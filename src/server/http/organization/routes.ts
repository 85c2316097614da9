import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { organizations } from '../../../db/schema/index.js';
import { authorize } from '../../policies/index.js';
import { recordActivity } from '../../services/activity.js';
import { actorOf, scopeOf, type AppContext } from '../context.js';
import { presentOrganization, presentUser } from '../presenters.js';
import { nameField, problemSchema, timeZoneField } from '../schemas.js';
import { organizationSchema, sessionView } from '../setup/schema.js';
import { findUser } from '../../services/users.js';
import { notFound } from '../../errors.js';

const organizationPatch = z.object({ name: nameField.optional(), timeZone: timeZoneField.optional() });

async function loadOrganization(ctx: AppContext, orgId: string) {
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('The organisation');
  return org;
}

export const organizationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/me', {
      schema: {
        tags: ['people'],
        summary: 'The signed-in person and their organisation',
        response: { 200: sessionView, 401: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const user = await findUser(ctx.db, actor.orgId, actor.userId);
        if (!user) throw notFound('The person');
        return { user: presentUser(user), organization: presentOrganization(await loadOrganization(ctx, actor.orgId)) };
      },
    });

    app.get('/organization', {
      schema: { tags: ['organization'], summary: 'The caller’s organisation', response: { 200: organizationSchema } },
      handler: async (request) => presentOrganization(await loadOrganization(ctx, actorOf(request).orgId)),
    });

    app.patch('/organization', {
      schema: {
        tags: ['organization'],
        summary: 'Rename the organisation or set its time zone (owner/admin)',
        body: organizationPatch,
        response: { 200: organizationSchema, 403: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        authorize(actor, 'organization.update');
        const org = await ctx.db.transaction(async (tx) => {
          const [before] = await tx.select().from(organizations).where(eq(organizations.id, actor.orgId));
          // Nothing to change (`{}`): answer the organisation as it is, with no activity row.
          if (Object.keys(request.body).length === 0) return before!;
          const [after] = await tx.update(organizations).set(request.body).where(eq(organizations.id, actor.orgId)).returning();
          await recordActivity(tx, {
            ...scopeOf(actor),
            action: 'organization.updated',
            entityType: 'organization',
            entityId: actor.orgId,
            before,
            after,
          });
          return after!;
        });
        return presentOrganization(org);
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeCheckIn, authorizeCheckInChange } from '../../policies/okrs.js';
import { createCheckIn, deleteCheckIn, listCheckIns, requireCheckIn, updateCheckIn } from '../../services/okrs/check-ins.js';
import { actorOf, notifyContext, scopeOf, type AppContext } from '../context.js';
import { idParam, iso, problemSchema } from '../schemas.js';
import { keyResultWithRelation } from './access.js';
import { findUser } from '../../services/users.js';
import { checkInBody, checkInView } from './schema.js';
import type { checkIns } from '../../../db/schema/index.js';
import { organizationToday } from './today.js';

type CheckInRow = typeof checkIns.$inferSelect;
const present = (c: CheckInRow, authorName: string | null) => ({
  id: c.id,
  keyResultId: c.keyResultId,
  authorId: c.authorId,
  authorName,
  asOf: c.asOf,
  value: c.value,
  milestonesDone: c.milestonesDone,
  confidence: c.confidence,
  note: c.note,
  blockers: c.blockers,
  createdAt: iso(c.createdAt)!,
  updatedAt: iso(c.updatedAt)!,
});

export const checkInRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = (orgId: string) => organizationToday(ctx, orgId);

    app.get('/key-results/:id/check-ins', {
      schema: {
        tags: ['check-ins'],
        summary: 'Check-in history, newest first',
        params: idParam,
        response: { 200: z.array(checkInView), 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { keyResult } = await keyResultWithRelation(ctx, actor, request.params.id);
        return (await listCheckIns(ctx.db, actor.orgId, keyResult.id)).map((r) => present(r.checkIn, r.authorName));
      },
    });

    app.post('/key-results/:id/check-ins', {
      schema: {
        tags: ['check-ins'],
        summary: 'Check in: a value (metric, threshold) or milestone states, confidence 0–10, note, blockers; asOf defaults to today',
        params: idParam,
        body: checkInBody,
        response: { 201: checkInView, 400: problemSchema, 403: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { keyResult, relation } = await keyResultWithRelation(ctx, actor, request.params.id);
        authorizeCheckIn(actor, relation, keyResult.ownerId);
        const row = await createCheckIn(ctx.db, scopeOf(actor), keyResult.id, request.body, await today(actor.orgId), notifyContext(ctx));
        return reply.status(201).send(present(row, actor.name));
      },
    });

    app.patch('/check-ins/:id', {
      schema: {
        tags: ['check-ins'],
        summary: 'Correct a check-in (its author or an admin); the previous version stays in the history',
        params: idParam,
        body: checkInBody,
        response: { 200: checkInView, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        authorizeCheckInChange(actor, (await requireCheckIn(ctx.db, actor.orgId, request.params.id)).authorId);
        const row = await updateCheckIn(
          ctx.db,
          scopeOf(actor),
          request.params.id,
          request.body,
          await today(actor.orgId),
          notifyContext(ctx),
        );
        const author = row.authorId ? await findUser(ctx.db, actor.orgId, row.authorId) : undefined;
        return present(row, author?.name ?? null);
      },
    });

    app.delete('/check-ins/:id', {
      schema: {
        tags: ['check-ins'],
        summary: 'Delete a check-in (its author or an admin)',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        authorizeCheckInChange(actor, (await requireCheckIn(ctx.db, actor.orgId, request.params.id)).authorId);
        await deleteCheckIn(ctx.db, scopeOf(actor), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WRITE_CHANNELS } from '../../../domain/write-channels.js';
import { objectiveActivity } from '../../services/okrs/objective-activity.js';
import { objectiveTimeline } from '../../services/okrs/objective-timeline.js';
import { requireVisibleObjective } from '../../services/okrs/objectives.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, iso, problemSchema } from '../schemas.js';
import { organizationToday } from '../../services/okrs/organization-today.js';
import { recentCheckIns } from '../../services/okrs/recent-check-ins.js';
import { findTeam } from '../../services/teams.js';
import { findUser } from '../../services/users.js';
import { notFound } from '../../errors.js';
import { userIdParam } from '../schemas.js';

const activitySchema = z.object({
  id: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  via: z
    .enum(WRITE_CHANNELS)
    .nullable()
    .describe('The channel when not the web app or the API: `mcp` for an assistant, `slack` for the Slack app'),
});

const recentSchema = z.array(
  z.object({
    id: z.string(),
    asOf: z.string(),
    value: z.number().nullable(),
    confidence: z.number().nullable(),
    note: z.string().nullable(),
    blockers: z.string().nullable(),
    createdAt: z.string(),
    keyResultId: z.string(),
    keyResultTitle: z.string(),
    unit: z.string().nullable(),
    objectiveId: z.string(),
    objectiveTitle: z.string(),
    authorName: z.string().nullable(),
  }),
);

export const historyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/objectives/:id/timeline', {
      schema: {
        tags: ['objectives'],
        summary: 'Progress week by week against the expected pace, replayed from the check-in history',
        params: idParam,
        response: {
          200: z.object({
            points: z.array(z.object({ date: z.string(), progress: z.number(), expected: z.number() })),
            keyResults: z.record(z.string(), z.array(z.number())),
          }),
          404: problemSchema,
        },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        return objectiveTimeline(
          ctx.db,
          orgId,
          await requireVisibleObjective(ctx.db, actorOf(request), request.params.id),
          await organizationToday(ctx.db, orgId, ctx.clock()),
        );
      },
    });

    app.get('/objectives/:id/activity', {
      schema: {
        tags: ['objectives'],
        summary: 'Who changed what on an objective, its key results and check-ins, newest first',
        params: idParam,
        response: { 200: z.array(activitySchema), 404: problemSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        await requireVisibleObjective(ctx.db, actorOf(request), request.params.id);
        return (await objectiveActivity(ctx.db, orgId, request.params.id)).map((a) => ({ ...a, createdAt: iso(a.createdAt)! }));
      },
    });

    app.get('/users/:id/check-ins', {
      schema: {
        tags: ['people'],
        summary: "A person's latest check-ins",
        params: userIdParam,
        response: { 200: recentSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        if (!(await findUser(ctx.db, orgId, request.params.id))) throw notFound('The person');
        return (await recentCheckIns(ctx.db, actorOf(request), { authorId: request.params.id })).map((c) => ({
          ...c,
          createdAt: iso(c.createdAt)!,
        }));
      },
    });

    app.get('/teams/:id/check-ins', {
      schema: {
        tags: ['teams'],
        summary: "The latest check-ins on a team's objectives",
        params: idParam,
        response: { 200: recentSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        if (!(await findTeam(ctx.db, orgId, request.params.id))) throw notFound('The team');
        return (await recentCheckIns(ctx.db, actorOf(request), { teamId: request.params.id })).map((c) => ({
          ...c,
          createdAt: iso(c.createdAt)!,
        }));
      },
    });
  };

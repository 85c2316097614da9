import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLLOUT_FIGURES } from '../../../domain/rollout/rollout-objective.js';
import { createRolloutObjective, listRolloutObjectives, refreshRolloutValues } from '../../services/rollout/rollout-objective.js';
import { problemSchema } from '../schemas.js';
import { actorOf, type AppContext } from '../context.js';

const figure = z.enum(ROLLOUT_FIGURES).describe('The adoption or survey figure the key result is fed from');

export const rolloutObjectiveCreate = z.object({ cycleId: z.uuid({ message: 'Must be a valid id.' }) }).strict();

export const rolloutObjectiveCreated = z.object({
  objectiveId: z.string(),
  title: z.string(),
  keyResults: z.array(z.object({ id: z.string(), title: z.string(), figure })),
  proposed: z.number().int().describe('Proposed values written from the figures known today'),
});

export const rolloutObjectivesView = z.object({
  objectives: z.array(
    z.object({
      objectiveId: z.string(),
      title: z.string(),
      status: z.string(),
      cycleId: z.string(),
      cycleName: z.string(),
      keyResults: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          figure,
          unit: z.string().nullable(),
          currentValue: z.number().nullable(),
          latest: z
            .object({ value: z.number(), asOf: z.string(), source: z.string(), status: z.string() })
            .nullable()
            .describe('The latest proposed value and its source'),
        }),
      ),
    }),
  ),
});

/** "OKRs for the rollout itself": the one-click objective and its automatically proposed values. */
export const rolloutObjectiveRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/rollout/objective', {
      schema: {
        tags: ['rollout'],
        summary: 'The rollout objectives ("Make OKRs our way of working") with each key result’s figure and latest proposed value',
        response: { 200: rolloutObjectivesView, 403: problemSchema },
      },
      handler: async (request) => ({ objectives: await listRolloutObjectives(ctx.db, actorOf(request)) }),
    });

    app.post('/rollout/objective', {
      schema: {
        tags: ['rollout'],
        summary: 'Create the rollout objective in a cycle, its key results fed from adoption and survey figures (owner/admin/champion)',
        body: rolloutObjectiveCreate,
        response: { 201: rolloutObjectiveCreated, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => reply.status(201).send(await createRolloutObjective(ctx, actorOf(request), request.body.cycleId)),
    });

    app.post('/rollout/objective/refresh', {
      schema: {
        tags: ['rollout'],
        summary: 'Propose today’s figures to the rollout key results now (the rollout-figures job does it daily)',
        response: { 200: z.object({ proposed: z.number().int() }), 403: problemSchema },
      },
      handler: async (request) => ({ proposed: await refreshRolloutValues(ctx, actorOf(request)) }),
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KEY_RESULT_KINDS, NEXT_STEPS, OUTCOMES } from '../../../domain/vocabulary.js';
import { rollOver } from '../../services/closing/rollover.js';
import { rolloverCandidates } from '../../services/closing/rollover-candidates.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';

const id = z.uuid({ message: 'Must be a valid id.' });

const rolloverBody = z.object({
  targetCycleId: id.describe('The open cycle the objectives continue in'),
  objectives: z
    .array(z.object({ objectiveId: id, keyResultIds: z.array(id).max(50).default([]).describe('The key results to carry') }))
    .min(1, 'Choose at least one objective.')
    .max(1000),
});

const candidateView = z.object({
  objectiveId: z.string(),
  title: z.string(),
  score: z.number().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  next: z.enum(NEXT_STEPS).nullable(),
  preselected: z.boolean().describe('Its closing note says carry_over'),
  keyResults: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(KEY_RESULT_KINDS),
      score: z.number().nullable(),
      carriable: z.boolean().describe('False for a milestone key result whose milestones are all done'),
      preselected: z.boolean(),
    }),
  ),
});

export const rolloverRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/rollover', {
      schema: {
        tags: ['review'],
        summary: 'What a reviewed cycle can carry into the next: objectives (carry_over preselected) and their key results',
        params: idParam,
        response: { 200: z.array(candidateView) },
      },
      handler: async (request) => rolloverCandidates(ctx.db, actorOf(request), request.params.id),
    });

    app.post('/cycles/:id/rollover', {
      schema: {
        tags: ['review'],
        summary:
          'Carry objectives into another cycle as drafts linked to their predecessor (previousObjectiveId); metric key results start from their last value, done milestones stay behind, alignments are kept when the parent is carried too',
        params: idParam,
        body: rolloverBody,
        response: {
          201: z.array(z.object({ previousObjectiveId: z.string(), objectiveId: z.string() })),
          409: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const { targetCycleId, objectives } = request.body;
        return reply.status(201).send(await rollOver(ctx, actorOf(request), request.params.id, targetCycleId, objectives));
      },
    });
  };

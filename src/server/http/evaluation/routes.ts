import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cycleEvaluation } from '../../services/evaluation/cycle-evaluation.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';

const share = z.number().nullable();
const typeSummary = z.object({
  count: z.number(),
  achieved: z.number(),
  partially: z.number(),
  missed: z.number(),
  achievedShare: share,
  meanScore: share,
  shareAtLeast07: share,
});
const calibration = z.object({ count: z.number(), brier: share.describe('mean((p − o)²); null without forecasts') });
const named = calibration.extend({ id: z.string(), name: z.string().nullable() });

export const evaluationSchema = z.object({
  cycleId: z.string(),
  cycleName: z.string(),
  teamId: z.string().nullable(),
  final: z.boolean().describe('false until the cycle is closed: scores are the overrides or the progress so far'),
  committed: typeSummary,
  aspirational: typeSummary,
  keyResultBands: z.object({ low: z.number(), middle: z.number(), high: z.number() }),
  tooSafe: z.object({ aspirational: z.number(), perfect: z.number(), tooSafe: z.boolean() }),
  checkIns: z.object({ due: z.number(), onTime: z.number(), onTimeShare: share }),
  calibration: z.object({
    cycle: calibration,
    midpoint: z.string(),
    byPerson: z.array(named),
    byTeam: z.array(named),
    reliability: z.array(
      z.object({
        label: z.string(),
        minConfidence: z.number(),
        maxConfidence: z.number(),
        count: z.number(),
        meanForecast: share,
        reachedShare: share,
      }),
    ),
  }),
  previous: z.array(
    z.object({
      cycleId: z.string(),
      cycleName: z.string(),
      committedAchievedShare: share,
      aspirationalMeanScore: share,
      checkInsOnTimeShare: share,
      brier: share,
    }),
  ),
});

export const evaluationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/evaluation', {
      schema: {
        tags: ['evaluation'],
        summary: 'How a cycle ended: outcomes by type, score bands, "too safe", on-time check-ins, confidence calibration',
        params: idParam,
        querystring: z.object({ teamId: z.uuid().optional() }),
        response: { 200: evaluationSchema, 404: problemSchema },
      },
      handler: async (request) => cycleEvaluation(ctx.db, actorOf(request), request.params.id, ctx.clock(), request.query.teamId),
    });
  };

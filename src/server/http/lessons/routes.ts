import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LESSON_OUTCOMES, LESSON_SOURCE_KINDS } from '../../../domain/learning-vocabulary.js';
import { searchLessons } from '../../services/lessons/search-lessons.js';
import { actorOf, type AppContext } from '../context.js';
import { iso } from '../schemas.js';

const lessonQuery = z.object({
  q: z.string().max(500).optional(),
  match: z.enum(['all', 'any']).optional(),
  teamId: z.uuid().optional(),
  cycleId: z.uuid().optional(),
  outcome: z.enum(LESSON_OUTCOMES).optional(),
  tag: z.string().max(41).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

const lessonView = z.object({
  id: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  cycleId: z.string(),
  cycleName: z.string(),
  objectiveId: z.string().nullable(),
  objectiveTitle: z.string().nullable(),
  outcome: z.enum(LESSON_OUTCOMES).nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  sourceKind: z.enum(LESSON_SOURCE_KINDS),
  sourceId: z.string(),
  createdAt: z.string(),
  rank: z.number(),
  highlight: z.array(z.object({ text: z.string(), match: z.boolean() })).describe('The text in parts; `match` parts matched the query'),
});

export const lessonRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/lessons', {
      schema: {
        tags: ['lessons'],
        summary: 'The lessons library: full-text search (English stemming, ranked, matches highlighted) with filters',
        querystring: lessonQuery,
        response: { 200: z.array(lessonView) },
      },
      handler: async (request) =>
        (await searchLessons(ctx.db, actorOf(request), request.query)).map((lesson) => ({
          ...lesson,
          createdAt: iso(lesson.createdAt)!,
        })),
    });
  };

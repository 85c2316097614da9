import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { confirmScore } from '../../services/closing/confirm-score.js';
import { findClosingNote, putClosingNote } from '../../services/closing/closing-notes.js';
import { reviewBoard } from '../../services/closing/review-board.js';
import { notFound } from '../../errors.js';
import { loadObjectiveFor } from '../../services/okrs/actor-reads.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { closingNoteBody, closingNoteView, confirmationView, reviewBoardView, reviewQuery } from './schema.js';

const presentNote = (note: NonNullable<Awaited<ReturnType<typeof findClosingNote>>>) => ({
  objectiveId: note.objectiveId,
  outcome: note.outcome,
  whatWorked: note.whatWorked,
  whatDidNot: note.whatDidNot,
  lessons: note.lessons,
  next: note.next,
  authorId: note.authorId,
  updatedAt: note.updatedAt.toISOString(),
});

export const reviewRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/review', {
      schema: {
        tags: ['review'],
        summary: "A cycle's review: key results to score (proposed score, confirmation, override), objectives to close, and the gaps",
        params: idParam,
        querystring: reviewQuery,
        response: { 200: reviewBoardView },
      },
      handler: async (request) =>
        reviewBoard(ctx.db, actorOf(request), request.params.id, { mine: request.query.mine === 'true', now: ctx.clock() }),
    });

    app.post('/key-results/:id/score-confirmation', {
      schema: {
        tags: ['review'],
        summary:
          "Confirm a key result's review score: the proposed one, or the override when set (its owner, the objective's owner, an admin)",
        params: idParam,
        response: { 201: confirmationView, 409: problemSchema },
      },
      handler: async (request, reply) => {
        const c = await confirmScore(ctx, actorOf(request), request.params.id);
        return reply.status(201).send({ ...c, confirmedAt: c.confirmedAt.toISOString() });
      },
    });

    app.get('/objectives/:id/closing-note', {
      schema: { tags: ['review'], summary: "An objective's closing note", params: idParam, response: { 200: closingNoteView } },
      handler: async (request) => {
        const actor = actorOf(request);
        await loadObjectiveFor(ctx.db, actor, request.params.id);
        const note = await findClosingNote(ctx.db, actor.orgId, request.params.id);
        if (!note) throw notFound('The closing note');
        return presentNote(note);
      },
    });

    app.put('/objectives/:id/closing-note', {
      schema: {
        tags: ['review'],
        summary: "Write an objective's closing note in review: outcome, what worked and did not, lessons, what comes next",
        params: idParam,
        body: closingNoteBody,
        response: { 200: closingNoteView, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request) => presentNote(await putClosingNote(ctx, actorOf(request), request.params.id, request.body)),
    });
  };

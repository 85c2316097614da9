import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideReview } from '../../services/review-requests/decide-review.js';
import { objectiveReviews, reviewsAskedOf } from '../../services/review-requests/list-requests.js';
import { requestReview } from '../../services/review-requests/request-review.js';
import { withdrawReview } from '../../services/review-requests/withdraw-review.js';
import { idParam, iso, problemSchema } from '../schemas.js';
import { actorOf, type AppContext } from '../context.js';
import {
  objectiveReviewsView,
  reviewDecision,
  reviewRequestCreate,
  reviewRequestsQuery,
  reviewRequestView,
  reviewsAskedView,
} from './schema.js';

/** Dates as ISO strings; everything else as the service shaped it. */
const dated = <T extends { decidedAt: Date | null; createdAt: Date }>(row: T) => ({
  ...row,
  decidedAt: iso(row.decidedAt),
  createdAt: row.createdAt.toISOString(),
});

/** Review requests on draft objectives (docs/rollout.md): ask, list, decide, withdraw, and what is asked of me. */
export const reviewRequestRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/objectives/:id/review-requests', {
      schema: {
        tags: ['review-requests'],
        summary: 'Ask a champion, admin or team lead to review a draft objective (who may edit it); the reviewer is notified',
        params: idParam,
        body: reviewRequestCreate,
        response: {
          201: reviewRequestView.omit({ requestedByName: true, reviewerName: true, can: true }),
          409: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request, reply) =>
        reply.status(201).send(dated(await requestReview(ctx, actorOf(request), request.params.id, request.body))),
    });

    app.get('/objectives/:id/review-requests', {
      schema: {
        tags: ['review-requests'],
        summary: 'The objective’s review requests, who can be asked, and whether publishing waits for an approval',
        params: idParam,
        response: { 200: objectiveReviewsView },
      },
      handler: async (request) => {
        const view = await objectiveReviews(ctx.db, actorOf(request), request.params.id);
        return { ...view, requests: view.requests.map(dated) };
      },
    });

    app.post('/review-requests/:id/decision', {
      schema: {
        tags: ['review-requests'],
        summary: 'Approve or ask for changes (the named reviewer only); the comment becomes a comment on the objective',
        params: idParam,
        body: reviewDecision,
        response: { 200: reviewRequestView.omit({ requestedByName: true, reviewerName: true, can: true }), 409: problemSchema },
      },
      handler: async (request) => dated(await decideReview(ctx, actorOf(request), request.params.id, request.body)),
    });

    app.post('/review-requests/:id/withdraw', {
      schema: {
        tags: ['review-requests'],
        summary: 'Withdraw an open review request (who asked, or an admin); the reviewer’s notice is removed',
        params: idParam,
        response: { 200: reviewRequestView.omit({ requestedByName: true, reviewerName: true, can: true }), 409: problemSchema },
      },
      handler: async (request) => dated(await withdrawReview(ctx, actorOf(request), request.params.id)),
    });

    app.get('/review-requests', {
      schema: {
        tags: ['review-requests'],
        summary: 'Reviews asked of you: the open requests naming the caller',
        querystring: reviewRequestsQuery,
        response: { 200: reviewsAskedView },
      },
      handler: async (request) => ({ requests: (await reviewsAskedOf(ctx.db, actorOf(request))).map(dated) }),
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmProposal, dismissProposal, listProposals } from '../../services/kpis/proposals.js';
import { actorOf, type AppContext } from '../context.js';
import { checkInView } from '../okrs/schema.js';
import { presentCheckIn } from '../presenters/check-ins.js';
import { idParam, problemSchema } from '../schemas.js';

const proposalView = z.object({
  id: z.string(),
  keyResultId: z.string(),
  value: z.number(),
  asOf: z.string(),
  source: z.string().describe('Where the value came from'),
  status: z.enum(['proposed', 'confirmed', 'dismissed']),
  checkInId: z.string().nullable(),
  createdAt: z.string(),
});
const judgement = z.object({
  confidence: z.number().int().min(0).max(10).nullable().optional(),
  note: z.string().trim().max(5000).nullable().optional(),
  blockers: z.string().trim().max(5000).nullable().optional(),
});

type Row = Awaited<ReturnType<typeof listProposals>>[number];
const present = (p: Row) => ({
  id: p.id,
  keyResultId: p.keyResultId,
  value: p.value,
  asOf: p.asOf,
  source: p.source,
  status: p.status,
  checkInId: p.checkInId,
  createdAt: p.createdAt.toISOString(),
});

export const proposalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/key-results/:id/proposals', {
      schema: {
        tags: ['ingest'],
        summary: 'Pushed values for a key result, newest first',
        params: idParam,
        response: { 200: z.array(proposalView), 404: problemSchema },
      },
      handler: async (request) => (await listProposals(ctx.db, actorOf(request), request.params.id)).map(present),
    });

    app.post('/proposals/:id/confirm', {
      schema: {
        tags: ['ingest'],
        summary: 'Confirm a pushed value as a check-in, with confidence, note and blockers',
        params: idParam,
        body: judgement,
        response: { 201: checkInView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        return reply
          .status(201)
          .send(presentCheckIn(actor, await confirmProposal(ctx, actor, request.params.id, request.body), actor.name));
      },
    });

    app.post('/proposals/:id/dismiss', {
      schema: {
        tags: ['ingest'],
        summary: 'Dismiss a pushed value',
        params: idParam,
        response: { 200: proposalView, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
      handler: async (request) => present(await dismissProposal(ctx, actorOf(request), request.params.id)),
    });
  };

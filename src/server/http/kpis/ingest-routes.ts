import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ingestValue } from '../../services/kpis/ingest.js';
import { issueIngestToken, listIngestTokens, revokeIngestToken } from '../../services/kpis/ingest-tokens.js';
import { unauthenticated } from '../../errors.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';

const tokenBody = z.object({ label: z.string().trim().max(120).nullable().optional().describe('What will push with it') });
const issued = z.object({
  id: z.string(),
  kpiId: z.string().nullable(),
  keyResultId: z.string().nullable(),
  label: z.string().nullable(),
  token: z.string().describe('Shown this once: only its hash is kept'),
});
const listed = z.array(
  z.object({
    id: z.string(),
    label: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    createdByName: z.string().nullable(),
  }),
);
const pushedBody = z.object({
  value: z.number({ message: 'Must be a finite number.' }).finite('Must be a finite number.'),
  asOf: z.iso.date({ message: 'Use a date as YYYY-MM-DD.' }).optional().describe('Defaults to today; never in the future'),
  source: z.string().trim().min(1, 'Say where the value comes from.').max(200),
});
const pushedView = z.object({ kind: z.enum(['kpi_value', 'proposal']), id: z.string(), asOf: z.string(), value: z.number() });

const present = (row: z.infer<typeof issued>) => ({
  id: row.id,
  kpiId: row.kpiId,
  keyResultId: row.keyResultId,
  label: row.label,
  token: row.token,
});

export const ingestRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [path, key] of [
      ['/kpis/:id/ingest-tokens', 'kpiId'],
      ['/key-results/:id/ingest-tokens', 'keyResultId'],
    ] as const)
      app.get(path, {
        schema: {
          tags: ['ingest'],
          summary: 'The live ingest tokens of this metric (never the tokens themselves)',
          params: idParam,
          response: { 200: listed, 403: problemSchema, 404: problemSchema },
        },
        handler: async (request) =>
          (
            await listIngestTokens(
              ctx.db,
              actorOf(request),
              key === 'kpiId' ? { kpiId: request.params.id } : { keyResultId: request.params.id },
            )
          ).map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null })),
      });

    app.post('/kpis/:id/ingest-tokens', {
      schema: {
        tags: ['ingest'],
        summary: 'A token that pushes values to this KPI only',
        params: idParam,
        body: tokenBody,
        response: { 201: issued, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(present(await issueIngestToken(ctx, actorOf(request), { kpiId: request.params.id }, request.body.label ?? null))),
    });

    app.post('/key-results/:id/ingest-tokens', {
      schema: {
        tags: ['ingest'],
        summary: 'A token that proposes check-in values for this metric or threshold key result only',
        params: idParam,
        body: tokenBody,
        response: { 201: issued, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(present(await issueIngestToken(ctx, actorOf(request), { keyResultId: request.params.id }, request.body.label ?? null))),
    });

    app.delete('/ingest-tokens/:id', {
      schema: {
        tags: ['ingest'],
        summary: 'Revoke an ingest token',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await revokeIngestToken(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/ingest/:id', {
      schema: {
        tags: ['ingest'],
        summary: "Push a value with the metric's ingest token as bearer: stored at once for a KPI, a proposed check-in for a key result",
        params: idParam,
        body: pushedBody,
        response: { 201: pushedView, 401: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const authorization = request.headers.authorization ?? '';
        if (!authorization.toLowerCase().startsWith('bearer ')) throw unauthenticated();
        return reply.status(201).send(await ingestValue(ctx, authorization.slice(7).trim(), request.params.id, request.body));
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importKpiValues } from '../../services/kpis/kpi-bulk-values.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';

const MAX_TEXT = 1_000_000;

const bulkBody = z.object({
  text: z
    .string()
    .min(1, 'Paste or upload some values.')
    .max(MAX_TEXT, `Use at most ${MAX_TEXT} characters.`)
    .describe('Lines of `date, value[, note]` (tabs, commas or semicolons); a header line is skipped'),
  source: z.enum(['paste', 'csv']).default('paste').describe("Recorded as the values' source"),
  dryRun: z.boolean().default(true).describe('Only preview (the default); false stores every row or none'),
});
const bulkView = z.object({
  rows: z.array(
    z.object({
      line: z.number().int(),
      asOf: z.string(),
      value: z.number(),
      note: z.string().nullable(),
      replaces: z.boolean().describe('A value for this date is already in the history'),
    }),
  ),
  errors: z.array(z.object({ line: z.number().int(), field: z.enum(['asOf', 'value']), message: z.string() })),
  applied: z.boolean(),
});

export const kpiBulkValueRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/kpis/:id/values/import', {
      schema: {
        tags: ['kpis'],
        summary: 'Preview (dryRun) or add a pasted column or CSV file of dated values — all rows or none',
        params: idParam,
        body: bulkBody,
        response: { 200: bulkView, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request) => importKpiValues(ctx, actorOf(request), request.params.id, request.body),
    });
  };

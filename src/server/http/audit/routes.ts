import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditChainOf, listAudit, verifyAudit } from '../../services/audit/audit-log.js';
import { setAuditRetention } from '../../services/audit/retention.js';
import { exportAudit } from '../../services/audit/audit-export.js';
import { toCsv } from '../../services/imports/cycle-export.js';
import { authorizeAudit } from '../../policies/audit.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  hash: z.string(),
});
const filterQuery = z.object({
  action: z.string().max(80).optional().describe('An action or its prefix, e.g. `token.`'),
  actorId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().min(1).optional().describe('Entries before this sequence number (the next page)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const verdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  headSeq: z.number(),
  anchorSeq: z.number(),
  seq: z.number().optional(),
  problem: z.enum(['altered', 'removed']).optional(),
  message: z.string().optional(),
});
const settingsSchema = z.object({ retentionDays: z.number().int().min(30).max(36500).nullable() });

type Entry = Awaited<ReturnType<typeof listAudit>>[number];
const present = (e: Entry) => ({
  seq: e.seq,
  at: e.at.toISOString(),
  actor: { id: e.actorId, name: e.actorName },
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  details: e.details,
  ip: e.ip,
  hash: e.hash,
});
const filterOf = (q: z.output<typeof filterQuery>) => ({
  ...q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});
const CSV_HEADERS = ['seq', 'at', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'details', 'ip', 'hash'];

/** The organisation's hash-chained audit log (issue 19); owners and admins only. */
export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/audit', {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first, filtered',
        querystring: filterQuery,
        response: { 200: z.array(entrySchema) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        authorizeAudit(actor);
        return (await listAudit(ctx.db, actor.orgId, filterOf(request.query))).map(present);
      },
    });

    app.get('/audit/export', {
      schema: { tags: ['audit'], summary: 'The filtered audit entries as CSV', querystring: filterQuery, response: { 200: z.any() } },
      handler: async (request, reply) => {
        const rows = await exportAudit(ctx.db, actorOf(request), {
          ...filterOf(request.query),
          limit: request.query.limit === 100 ? 100_000 : request.query.limit,
        });
        const cells = rows.map((e) => [
          String(e.seq),
          e.at.toISOString(),
          e.actorId ?? '',
          e.actorName,
          e.action,
          e.targetType ?? '',
          e.targetId ?? '',
          JSON.stringify(e.details),
          e.ip ?? '',
          e.hash,
        ]);
        reply.header('content-disposition', 'attachment; filename="audit-log.csv"');
        return reply.type('text/csv; charset=utf-8').send(toCsv(CSV_HEADERS, cells));
      },
    });

    app.post('/audit/verify', {
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain; names the first entry altered or removed',
        response: { 200: verdictSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        authorizeAudit(actor);
        return verifyAudit(ctx.db, ctx.secret, actor.orgId);
      },
    });

    app.get('/audit/settings', {
      schema: { tags: ['audit'], summary: 'How long audit entries are kept', response: { 200: settingsSchema } },
      handler: async (request) => {
        const actor = actorOf(request);
        authorizeAudit(actor);
        return { retentionDays: (await auditChainOf(ctx.db, actor.orgId)).retentionDays };
      },
    });

    app.put('/audit/settings', {
      schema: {
        tags: ['audit'],
        summary: 'Set the retention (null keeps everything); older entries are pruned behind a signed anchor',
        body: settingsSchema,
        response: { 200: settingsSchema.extend({ pruned: z.number() }), 403: problemSchema },
      },
      handler: async (request) => {
        const pruned = await setAuditRetention(ctx.db, ctx.secret, actorOf(request), request.body.retentionDays);
        return { retentionDays: request.body.retentionDays, pruned };
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from '../../../domain/vocabulary.js';
import { jobsOverview, outboxFor, runJobNow } from '../../services/rhythm/admin.js';
import { actorOf, type AppContext } from '../context.js';
import { iso, problemSchema } from '../schemas.js';
import { jobReportView, jobView, outboxView } from './schema.js';

/** Operators: run a job now and read what went out. */
export const rhythmAdminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/admin/jobs', {
      schema: {
        tags: ['rhythm'],
        summary: 'The jobs an admin can run, each with its last run for this organisation (owner/admin)',
        response: { 200: z.array(jobView), 403: problemSchema },
      },
      handler: async (request) => {
        return (await jobsOverview(ctx, actorOf(request))).map(({ name, description, run }) => {
          return {
            name,
            description,
            lastRun: run
              ? {
                  periodKey: run.periodKey,
                  startedAt: iso(run.startedAt)!,
                  finishedAt: iso(run.finishedAt),
                  result: (run.result as Record<string, number> | null) ?? null,
                }
              : null,
          };
        });
      },
    });

    app.post('/admin/jobs/:name/run', {
      schema: {
        tags: ['rhythm'],
        summary:
          'Run a job now for this organisation: reminders, escalation, digest or dispatch (owner/admin). With force, periods that already ran run again; nobody is notified twice.',
        params: z.object({ name: z.string().max(40) }),
        body: z.object({ force: z.boolean().optional() }).nullish(),
        response: { 200: jobReportView, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => {
        return runJobNow(ctx, actorOf(request), request.params.name, request.body?.force ?? false);
      },
    });

    app.get('/admin/outbox', {
      schema: {
        tags: ['rhythm'],
        summary: 'Recent e-mails and webhook calls with their delivery status, newest first (owner/admin)',
        querystring: z.object({
          status: z.enum(OUTBOX_STATUSES).optional(),
          channel: z.enum(OUTBOX_CHANNELS).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(outboxView), 403: problemSchema },
      },
      handler: async (request) => {
        const rows = await outboxFor(ctx, actorOf(request), request.query);
        return rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          recipient: r.recipient,
          subject: r.subject,
          body: r.body,
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: iso(r.nextAttemptAt)!,
          lastError: r.lastError,
          createdAt: iso(r.createdAt)!,
          sentAt: iso(r.sentAt),
        }));
      },
    });
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { JOB_DESCRIPTIONS, ORG_JOB_NAMES, isOrgJobName } from '../../jobs/registry.js';
import { runJob } from '../../jobs/run-job.js';
import { isAdmin } from '../../policies/index.js';
import { lastRuns, listOutbox } from '../../services/rhythm/operations.js';
import { actorOf, type AppContext } from '../context.js';
import { forbidden, notFound } from '../../errors.js';
import { iso, problemSchema } from '../schemas.js';
import { jobReportView, jobView, outboxView } from './schema.js';

function requireAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an owner or admin can run jobs or read the outbox.');
}

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
        const actor = actorOf(request);
        requireAdmin(actor);
        const runs = await lastRuns(ctx.db, actor.orgId);
        return ORG_JOB_NAMES.map((name) => {
          const run = runs.get(name);
          return {
            name,
            description: JOB_DESCRIPTIONS[name],
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
        const actor = actorOf(request);
        requireAdmin(actor);
        if (!isOrgJobName(request.params.name)) throw notFound(`The job "${request.params.name}"`, 'name');
        return runJob(ctx, request.params.name, { now: ctx.clock(), orgId: actor.orgId, force: request.body?.force ?? false });
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
        const actor = actorOf(request);
        requireAdmin(actor);
        const rows = await listOutbox(ctx.db, actor.orgId, request.query);
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

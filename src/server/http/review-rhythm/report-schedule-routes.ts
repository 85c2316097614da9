import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_REPORT_RECIPIENTS, REPORT_CADENCES } from '../../../db/schema/index.js';
import { deleteReportSchedule, listReportSchedules, scheduleReport } from '../../services/reports/report-schedules.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, isoDateTime, problemSchema } from '../schemas.js';

const tags = ['reports'];
const id = z.uuid({ message: 'Must be a valid id.' });

const scheduleCreate = z.object({
  cycleId: id,
  teamId: id.nullable().optional().describe("Only this team's objectives"),
  recipients: z
    .array(z.email({ message: 'Must be an e-mail address.' }))
    .min(1, 'Name at least one recipient.')
    .max(MAX_REPORT_RECIPIENTS, `At most ${MAX_REPORT_RECIPIENTS} recipients.`)
    .describe('Stakeholders by e-mail address; they need no account'),
  cadence: z.enum(REPORT_CADENCES).describe('`monthly`: the first such weekday of each month'),
  day: z.number().int().min(0, 'A weekday from 0 (Sunday) to 6.').max(6, 'A weekday from 0 (Sunday) to 6.'),
  hour: z.number().int().min(0, 'An hour from 0 to 23.').max(23, 'An hour from 0 to 23.').describe("In the organisation's time zone"),
});

const scheduleView = z
  .object({
    id: z.string(),
    cycleId: z.string(),
    cycleName: z.string(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    recipients: z.array(z.string()),
    cadence: z.enum(REPORT_CADENCES),
    day: z.number(),
    hour: z.number(),
    createdByName: z.string().nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'ReportSchedule' });

type Row = Awaited<ReturnType<typeof listReportSchedules>>[number];
const present = ({ schedule: s, cycleName, teamName, createdByName }: Row): z.infer<typeof scheduleView> => ({
  id: s.id,
  cycleId: s.cycleId,
  cycleName,
  teamId: s.teamId,
  teamName,
  recipients: s.recipients,
  cadence: s.cadence,
  day: s.day,
  hour: s.hour,
  createdByName,
  createdAt: s.createdAt.toISOString(),
});

/** Reports e-mailed to named stakeholders on a schedule (admins and champions); the `report-emails` job sends them. */
export const reportScheduleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/report-schedules', {
      schema: {
        tags,
        summary: "E-mail a cycle's (or team's) report to stakeholders weekly or monthly (admins and champions)",
        body: scheduleCreate,
        response: { 201: scheduleView, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const made = await scheduleReport(ctx, actor, { ...request.body, teamId: request.body.teamId ?? null });
        const [row] = (await listReportSchedules(ctx.db, actor)).filter((r) => r.schedule.id === made.id);
        return reply.status(201).send(present(row!));
      },
    });

    app.get('/report-schedules', {
      schema: {
        tags,
        summary: "The organisation's scheduled report e-mails, newest first (admins and champions)",
        response: { 200: z.array(scheduleView), 403: problemSchema },
      },
      handler: async (request) => (await listReportSchedules(ctx.db, actorOf(request))).map(present),
    });

    app.delete('/report-schedules/:id', {
      schema: {
        tags,
        summary: 'Stop a scheduled report e-mail (admins and champions)',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await deleteReportSchedule(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };

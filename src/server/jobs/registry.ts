import type { NotifyContext } from '../services/notifications/notify.js';
import { sendDigests } from '../services/rhythm/digest.js';
import { escalateGroup } from '../services/rhythm/escalation.js';
import { remindGroup } from '../services/rhythm/reminders.js';
import { periodAt } from '../services/rhythm/schedule.js';
import { groupKey } from '../services/rhythm/schedules.js';
import { groupsInProgramme } from '../services/rollout/pilot-scope.js';
import { hours } from '../../domain/zoned-time.js';
import type { DueRun, JobContext, ScheduledJob } from './context.js';
import { housekeeping } from './housekeeping.js';
import { escalateReviewGroup, remindReviewGroup } from '../services/closing/review-reminders.js';
import { dueSurveyWork } from '../services/surveys/reminders.js';
import { dueSurveyRounds } from '../services/surveys/rounds-due.js';
import { dueReviewOpenings } from '../services/closing/review-opening.js';
import { dueProxyReminders } from '../services/kpis/proxy-reminders.js';
import { dueKpiFollows } from '../services/kpis/follows-due.js';
import { dueReportEmails } from '../services/reports/report-mail.js';
import { dueMeetingParts, type PartNotice } from '../services/meetings/part-reminders.js';
import { dueStatusChecks } from '../services/webhooks/status-job.js';
import { dueRolloutFigures } from '../services/rollout/rollout-figures.js';

const notifyAt = (ctx: JobContext, now: Date): NotifyContext => ({ publicUrl: ctx.config.publicUrl, secret: ctx.secret, now });

/** Asynchronous meeting parts missing at their deadline (reminder) or past the update timeframe (overdue). */
async function meetingParts(ctx: JobContext, now: Date, notice: PartNotice, orgId?: string): Promise<DueRun[]> {
  return (await dueMeetingParts(ctx.db, now, notice, orgId)).map((work) => ({
    key: work.key,
    run: (tx) => work.run(tx, notifyAt(ctx, now)),
  }));
}

/** Each group's latest due moment: its owners are reminded of what has no check-in in that period. */
const reminders: ScheduledJob = {
  name: 'reminders',
  description:
    'Remind key-result owners whose check-ins are due, and post to team webhooks; remind meeting participants whose asynchronous part is due',
  async due(ctx, now, orgId) {
    const checkIns = (await groupsInProgramme(ctx.db, orgId)).map((group): DueRun => {
      const period = periodAt(group.schedule, now);
      return {
        key: `${groupKey(group)}:${period.dueDate}`,
        // Cycles in review: the same rhythm reminds of scores and closing notes still owed.
        run: async (tx) => ({
          ...(await remindGroup(tx, notifyAt(ctx, now), group, period)),
          ...(await remindReviewGroup(tx, notifyAt(ctx, now), group, period)),
        }),
      };
    });
    return [...checkIns, ...(await meetingParts(ctx, now, 'reminder', orgId))];
  },
};

/** The latest due moment at least escalateAfterHours ago: leads hear what is still missing. */
const escalation: ScheduledJob = {
  name: 'escalation',
  description:
    "Tell team leads (owners and admins, for company objectives) whose check-ins are still missing after the organisation's escalation delay, and meeting organisers whose participants' parts are overdue",
  async due(ctx, now, orgId) {
    const checkIns = (await groupsInProgramme(ctx.db, orgId)).map((group): DueRun => {
      const period = periodAt(group.schedule, new Date(now.getTime() - hours(group.rhythm.escalateAfterHours)));
      return {
        key: `${groupKey(group)}:${period.dueDate}`,
        run: async (tx) => ({
          ...(await escalateGroup(tx, notifyAt(ctx, now), group, period)),
          ...(await escalateReviewGroup(tx, notifyAt(ctx, now), group, period)),
        }),
      };
    });
    return [...checkIns, ...(await meetingParts(ctx, now, 'overdue', orgId))];
  },
};

/** Weekly per organisation, at its digest day and hour. */
const digest: ScheduledJob = {
  name: 'digest',
  description: 'Send team leads their weekly digest',
  async due(ctx, now, orgId) {
    const groups = await groupsInProgramme(ctx.db, orgId);
    return groups
      .filter((group) => group.teamId === null)
      .map((company) => {
        const window = periodAt(
          { cadence: 'weekly', day: company.rhythm.digestDay, hour: company.rhythm.digestHour, timeZone: company.schedule.timeZone },
          now,
        );
        const orgGroups = groups.filter((g) => g.orgId === company.orgId);
        return {
          key: `org:${company.orgId}:${window.dueDate}`,
          run: (tx) => sendDigests(tx, notifyAt(ctx, now), orgGroups, company.orgId, window),
        };
      });
  },
};

/** Pulse surveys: reminders to whoever has not answered, and closing surveys past their last day. */
const surveyReminders: ScheduledJob = {
  name: 'survey-reminders',
  description: 'Remind people who have not answered an open pulse survey, and close surveys past their last day',
  async due(ctx, now, orgId) {
    return (await dueSurveyWork(ctx.db, now, orgId)).map((work) => ({ key: work.key, run: (tx) => work.run(tx, notifyAt(ctx, now)) }));
  },
};

/** Recurring pulse surveys: the next round of each series opens when due (monthly, or once a cycle has ended). */
const surveyRounds: ScheduledJob = {
  name: 'survey-rounds',
  description: 'Open the next round of recurring pulse surveys (monthly, or at the end of each cycle) and close the previous one',
  async due(ctx, now, orgId) {
    return (await dueSurveyRounds(ctx.db, now, orgId)).map((work) => ({ key: work.key, run: (tx) => work.run(tx, notifyAt(ctx, now)) }));
  },
};

/** Cycles whose review phase date has come move to review (before the reminders, which then remind of it). */
const reviewOpening: ScheduledJob = {
  name: 'review-opening',
  description: "Open the review of cycles whose review date has come in their organisation's time zone",
  due: (ctx, now, orgId) => dueReviewOpenings(ctx.db, now, orgId),
};

/** Key results measured by a proxy past its replacement date: their owners are told, once per date. */
const proxyReminders: ScheduledJob = {
  name: 'proxy-reminders',
  description: 'Tell owners of key results measured by a proxy whose replacement date has passed',
  async due(ctx, now, orgId) {
    return (await dueProxyReminders(ctx.db, now, orgId)).map((work) => ({ key: work.key, run: (tx) => work.run(tx, notifyAt(ctx, now)) }));
  },
};

/** Stakeholder reports e-mailed on their schedules (review rhythm). */
const reportEmails: ScheduledJob = {
  name: 'report-emails',
  description: "E-mail scheduled cycle and team reports to their stakeholders at each schedule's day and hour",
  async due(ctx, now, orgId) {
    return (await dueReportEmails(ctx.db, ctx.config.publicUrl, now, orgId)).map((work) => ({ key: work.key, run: work.run }));
  },
};

/** Once a day per organisation: objectives whose status moved with the calendar alone are announced (webhooks). */
const statusChanges: ScheduledJob = {
  name: 'status-changes',
  description: 'Announce objectives whose status (on track, at risk, off track) moved with time since it was last announced',
  async due(ctx, now, orgId) {
    return (await dueStatusChecks(ctx.db, now, orgId)).map((work) => ({ key: work.key, run: work.run }));
  },
};

/** The rollout objective's key results get today's adoption and survey figures as proposed values. */
const rolloutFigures: ScheduledJob = {
  name: 'rollout-figures',
  description: 'Propose the latest adoption and survey figures to the key results of the rollout objective',
  due: (ctx, now, orgId) => dueRolloutFigures(ctx.db, now, orgId),
};

/** Pushed KPI values that key results following the KPI have not taken up (see services/kpis/follow-soon.ts). */
const kpiFollows: ScheduledJob = {
  name: 'kpi-follows',
  description: 'Check in pushed KPI values on the key results that follow them where that did not happen right after the push',
  due: (ctx, now, orgId) => dueKpiFollows(ctx.db, now, orgId),
};

const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  reviewOpening,
  reminders,
  escalation,
  digest,
  // After review-opening (a cycle entering review opens its round) and before the reminders of the rounds it opens.
  surveyRounds,
  surveyReminders,
  proxyReminders,
  reportEmails,
  statusChanges,
  rolloutFigures,
  kpiFollows,
  housekeeping,
];

/** Every job an operator may run by name; `dispatch` delivers the outbox and has no periods. */
export const JOB_NAMES = [
  'review-opening',
  'reminders',
  'escalation',
  'digest',
  'survey-rounds',
  'survey-reminders',
  'proxy-reminders',
  'report-emails',
  'status-changes',
  'dispatch',
  'housekeeping',
  'rollout-figures',
  'kpi-follows',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const isJobName = (name: string): name is JobName => (JOB_NAMES as readonly string[]).includes(name);

/** The jobs an organisation's admin sees and may run; housekeeping spans the instance (ticker, `cairn jobs`). */
export const ORG_JOB_NAMES = JOB_NAMES.filter((name) => name !== 'housekeeping');
export const isOrgJobName = (name: string): name is JobName => (ORG_JOB_NAMES as readonly string[]).includes(name);

export const scheduledJob = (name: string) => SCHEDULED_JOBS.find((job) => job.name === name);

export const JOB_DESCRIPTIONS: Record<JobName, string> = {
  ...(Object.fromEntries(SCHEDULED_JOBS.map((job) => [job.name, job.description])) as Record<Exclude<JobName, 'dispatch'>, string>),
  dispatch: 'Deliver due e-mails and webhook calls from the outbox, retrying failures with backoff',
};

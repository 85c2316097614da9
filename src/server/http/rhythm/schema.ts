import { z } from 'zod';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from '../../../domain/vocabulary.js';
import { RHYTHM_LIMITS } from '../../services/rhythm/settings.js';
import { cadence } from '../teams/schema.js';

const hoursField = (what: string, limits: { min: number; max: number }) =>
  z
    .number()
    .int('Use a whole number of hours.')
    .min(limits.min, `${what}: at least ${limits.min} hour.`)
    .max(limits.max, `${what}: at most ${limits.max} hours (four weeks).`);

/** PUT body: every field optional; a missing one goes back to its default. */
export const rhythmBody = z.object({
  updateWithinHours: hoursField('Updates expected within', RHYTHM_LIMITS.updateWithinHours).optional(),
  answerWithinHours: hoursField('Blockers answered within', RHYTHM_LIMITS.answerWithinHours).optional(),
  escalateAfterHours: hoursField('Escalate after', RHYTHM_LIMITS.escalateAfterHours).optional(),
  digestDay: z
    .number()
    .int('Use a whole number.')
    .min(0, 'Use 0 (Sunday) to 6 (Saturday).')
    .max(6, 'Use 0 (Sunday) to 6 (Saturday).')
    .optional(),
  digestHour: z.number().int('Use a whole number.').min(0, 'Use an hour from 0 to 23.').max(23, 'Use an hour from 0 to 23.').optional(),
});

export const rhythmView = z.object({
  updateWithinHours: z.number(),
  answerWithinHours: z.number(),
  escalateAfterHours: z.number(),
  digestDay: z.number(),
  digestHour: z.number(),
  timeZone: z.string(),
});

export const teamRhythmView = z.object({
  id: z.string(),
  name: z.string(),
  checkInCadence: cadence,
  checkInDay: z.number(),
  checkInHour: z.number(),
  hasWebhook: z.boolean(),
  /** Admins only; null for everyone else. */
  webhookUrl: z.string().nullable(),
  /** The Slack channel the Slack app posts the team's digest and wins to (a channel id, not a secret). */
  slackChannelId: z.string().nullable(),
  nextDueAt: z.string(),
});

const summary = z.record(z.string(), z.number());

export const jobReportView = z.object({
  job: z.string(),
  at: z.string(),
  periods: z.array(z.object({ key: z.string(), ran: z.boolean(), summary: summary.optional(), error: z.string().optional() })),
  totals: summary,
});

export const jobView = z.object({
  name: z.string(),
  description: z.string(),
  lastRun: z
    .object({ periodKey: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(), result: summary.nullable() })
    .nullable(),
});

export const outboxView = z.object({
  id: z.string(),
  channel: z.enum(OUTBOX_CHANNELS),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const attentionView = z.object({
  kind: z.enum(['overdue_check_in', 'unanswered_blocker', 'unanswered_dependency']),
  since: z.string(),
  overdueAt: z.string(),
  who: z.object({ id: z.string(), name: z.string() }).nullable(),
  what: z.string(),
  detail: z.string().nullable(),
  link: z.string(),
  keyResultId: z.string().nullable(),
  objectiveId: z.string(),
  checkInId: z.string().nullable(),
  teamId: z.string().nullable(),
});

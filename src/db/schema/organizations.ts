import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { QualityPrinciplesInput } from '../../domain/quality/index.js';

/** Settings an organisation tunes; every field has a default so old rows stay valid. */
export interface OrganizationSettings {
  onTrackMargin?: number;
  atRiskMargin?: number;
  /** The organisation's guiding principles for the quality coach (rule severities and limits). */
  quality?: QualityPrinciplesInput;
  /** Response timeframes and the rhythm of reminders, escalations and digests. */
  rhythm?: RhythmSettings;
}

export interface RhythmSettings {
  /** How soon updates are expected after a reminder (hours); past it the check-in is overdue. */
  updateWithinHours?: number;
  /** How soon a blocker or question should get an answer (hours). */
  answerWithinHours?: number;
  /** After a reminder, how long until the team lead is told whose check-ins are missing (hours). */
  escalateAfterHours?: number;
  /** Weekly digest for leads: day of week (0 = Sunday) and hour, organisation time zone. */
  digestDay?: number;
  digestHour?: number;
}

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('UTC'),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Instance-wide key/value (e.g. the generated auth secret), shared by every process on one database. */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

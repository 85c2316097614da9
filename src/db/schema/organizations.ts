import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { QualityPrinciplesInput } from '../../domain/quality/index.js';

/** Settings an organisation tunes; every field has a default so old rows stay valid. */
export interface OrganizationSettings {
  onTrackMargin?: number;
  atRiskMargin?: number;
  /** The organisation's guiding principles for the quality coach (rule severities and limits). */
  quality?: QualityPrinciplesInput;
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

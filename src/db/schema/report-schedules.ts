import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './constraints.js';
import { organizations } from './organizations.js';
import { cycles } from './okrs.js';
import { teams } from './people.js';

export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];
export const MAX_REPORT_RECIPIENTS = 20;

/**
 * A cycle's (or one team's) report e-mailed to named stakeholders on a schedule (issue 17): weekly on a weekday, or
 * monthly on the first such weekday, at an hour in the organisation's time zone. Recipients are plain addresses, so
 * people outside Cairn can receive it; the e-mails go through the outbox like every other.
 */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    cycleId: uuid('cycle_id').notNull(),
    teamId: uuid('team_id'),
    recipients: text('recipients').array().notNull(),
    cadence: text('cadence').$type<ReportCadence>().notNull(),
    /** 0 = Sunday … 6 = Saturday, as in team check-in schedules. */
    day: integer('day').notNull(),
    hour: integer('hour').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_schedules_org_idx').on(t.orgId, t.createdAt),
    oneOf('report_schedules_cadence_check', t.cadence, REPORT_CADENCES),
    check('report_schedules_day_check', sql`${t.day} between 0 and 6`),
    check('report_schedules_hour_check', sql`${t.hour} between 0 and 23`),
    check('report_schedules_recipients_check', sql`cardinality(${t.recipients}) between 1 and ${sql.raw(String(MAX_REPORT_RECIPIENTS))}`),
    foreignKey({ name: 'report_schedules_cycle_fk', columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'report_schedules_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete(
      'cascade',
    ),
  ],
);

export type ReportSchedule = typeof reportSchedules.$inferSelect;

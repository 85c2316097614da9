import { check, date, foreignKey, index, integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { objectives } from './okrs.js';

/**
 * Per objective, how many key results it has and the dates their staleness is measured from, kept by PostgreSQL
 * itself (triggers on key_results and on an objective changing cycle, in the migration). A cycle summary reads the
 * cycle's rows of this narrow table instead of its 37,500 key results (issue 12: the summary against its floor).
 * Staleness still depends on the cycle's start, the objective's effective start and the team's cadence; those are
 * applied when reading, so editing them rewrites nothing here. Derived: not exported, rebuilt by the triggers as
 * key results are imported.
 */
export const objectiveCheckInDates = pgTable(
  'objective_check_in_dates',
  {
    objectiveId: uuid('objective_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    keyResults: integer('key_results').notNull(),
    /** The latest check-in date of each key result that has one (roll-ups aside), ascending. */
    lastCheckInDates: date('last_check_in_dates').array().notNull(),
    /**
     * For each key result never checked in (roll-ups aside), the later of its creation day (UTC) and its own
     * effective start, ascending: its clock starts there, or at the cycle's or objective's start if later.
     */
    uncheckedSinceDates: date('unchecked_since_dates').array().notNull(),
  },
  (t) => [
    index('objective_check_in_dates_cycle_idx').on(t.orgId, t.cycleId),
    check('objective_check_in_dates_key_results_check', sql`${t.keyResults} > 0`),
    foreignKey({
      name: 'objective_check_in_dates_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
  ],
);

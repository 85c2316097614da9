import { bigint, check, date, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { OBJECTIVE_STATUSES, type ObjectiveStatus } from '../../domain/vocabulary.js';
import { oneOf } from './constraints.js';
import { organizations } from './organizations.js';
import { keyResults, objectives } from './okrs.js';

/**
 * The pace history of objectives and key results: from `valid_from` (the organisation's date of the change)
 * the objective had this status and effective start, or the key result this effective start. Time travel
 * reads the row valid at its date. Append-only; the latest row of a day wins (`seq`).
 */
export const paceHistory = pgTable(
  'pace_history',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id').notNull(),
    /** Null for a row about the objective itself. */
    keyResultId: uuid('key_result_id'),
    validFrom: date('valid_from').notNull(),
    effectiveStartDate: date('effective_start_date'),
    /** The objective's status from `valid_from` (rows about the objective only). */
    objectiveStatus: text('objective_status').$type<ObjectiveStatus>(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pace_history_objective_idx').on(t.orgId, t.objectiveId, t.validFrom),
    foreignKey({
      name: 'pace_history_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'pace_history_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    // A null status passes (`in` gives null): rows about a key result carry none.
    oneOf('pace_history_status_check', t.objectiveStatus, OBJECTIVE_STATUSES),
    check('pace_history_status_only_objective', sql`${t.keyResultId} is null or ${t.objectiveStatus} is null`),
  ],
);

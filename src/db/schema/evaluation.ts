import { bigint, date, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cycles, keyResults, objectives } from './okrs.js';

/**
 * What evaluating a cycle needs from a key result's check-ins, kept by PostgreSQL itself on every check-in write
 * (statement triggers in the migration), so the evaluation of a 12,500-objective cycle reads one row per key result
 * instead of its whole check-in history. Each figure is stored with the dates it was computed for: when a cycle's
 * dates, a team's cadence or an effective start change, the reader sees the mismatch and counts from the check-ins
 * again for that key result, so the numbers stay exact without rewriting digests on those edits.
 */
export const checkInDigests = pgTable(
  'check_in_digests',
  {
    orgId: uuid('org_id').notNull(),
    keyResultId: uuid('key_result_id').notNull(),
    /** The start and cadence (days) the periods were counted from: period k is (start + (k−1)·days, start + k·days]. */
    periodStart: date('period_start').notNull(),
    periodDays: integer('period_days').notNull(),
    /** Bit k set when a (not deleted) check-in is dated in period k, for k = 1…62. */
    periodMask: bigint('period_mask', { mode: 'bigint' }).notNull(),
    /** The cycle midpoint the confidence was read at, and the confidence of the latest check-in on or before it. */
    midpoint: date('midpoint').notNull(),
    midpointConfidence: integer('midpoint_confidence'),
    /**
     * The latest (not deleted) check-in by date, then entry time: its note is what the coach's "behind pace without a
     * note" reads, so the heatmap picks each objective's latest note from its key results' digests. Null when none.
     */
    latestAsOf: date('latest_as_of'),
    latestCreatedAt: timestamp('latest_created_at', { withTimezone: true }),
    latestNote: text('latest_note'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.keyResultId] }),
    foreignKey({
      name: 'check_in_digests_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
  ],
);

/**
 * What a closed cycle's evaluation sums from each of its objectives' key results, stored by the close (in the same
 * transaction, by `refresh_closed_cycle_figures(org, cycle)`; again when a closed cycle's score is overridden, which
 * rescores it) so that comparing with earlier cycles reads one row per objective instead of their key results,
 * digests and check-ins on every evaluation. One row per objective of the cycle (archived ones and those without key
 * results too, so a missing row means "not stored"). The objective's type, score, team, status and visibility are
 * read live beside it. The figures were counted until the cycle's end with the cadence `period_days`; a reader
 * before the end, or whose objective's team now has another cadence, counts that objective live instead.
 * Derived data: not exported, rebuilt for the closed cycles on an organisation import (and by migration 0046; the
 * function counts in a single pass since migration 0049).
 */
export const closedCycleFigures = pgTable(
  'closed_cycle_figures',
  {
    orgId: uuid('org_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    objectiveId: uuid('objective_id').notNull(),
    /** The check-in cadence (days) the periods were counted with. */
    periodDays: integer('period_days').notNull(),
    /** Published key results of the objective, and their due and on-time check-in periods. */
    keyResults: integer('key_results').notNull(),
    due: integer('due').notNull(),
    onTime: integer('on_time').notNull(),
    /** Key results with a midpoint confidence, and their Σ (confidence − 10·o)², o = 1 at a final score of 1.0. */
    forecasts: integer('forecasts').notNull(),
    squared: integer('squared').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.objectiveId] }),
    foreignKey({
      name: 'closed_cycle_figures_cycle_fk',
      columns: [t.orgId, t.cycleId],
      foreignColumns: [cycles.orgId, cycles.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'closed_cycle_figures_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
  ],
);

/**
 * An objective's key results as the heatmap reads them, one row per objective, kept by PostgreSQL on every write to
 * its key results or their check-in digests (statement triggers in migration 0048): the arrays hold one entry per key
 * result, in key result id order — its kind, own effective start, last check-in date, creation date (UTC) and its
 * digest's period start, cadence and mask (null when it has no digest) — and the note of the objective's latest
 * check-in (by date, entry time, then key result id). Derived data: never exported, rebuilt by the triggers as key
 * results and check-ins are imported. The heatmap reads 12,500 of these rows instead of joining the cycle's key
 * results against every key result and digest of the organisation; the on-time count is still the digests' exact
 * rule (a digest made for other dates or another cadence is recounted from the check-ins).
 */
export const objectiveKeyResultDigests = pgTable(
  'objective_key_result_digests',
  {
    // Keyed by the objective alone: the triggers refresh rows by objective id (a key result's objective).
    objectiveId: uuid('objective_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    keyResultIds: uuid('key_result_ids').array().notNull(),
    kinds: text('kinds').array().notNull(),
    effectiveStartDates: date('effective_start_dates').array().notNull(),
    lastCheckInDates: date('last_check_in_dates').array().notNull(),
    createdDates: text('created_dates').array().notNull(),
    periodStarts: date('period_starts').array().notNull(),
    periodDays: integer('period_days').array().notNull(),
    periodMasks: bigint('period_masks', { mode: 'bigint' }).array().notNull(),
    latestNote: text('latest_note'),
  },
  (t) => [
    foreignKey({
      name: 'objective_key_result_digests_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
  ],
);

import { bigint, boolean, date, foreignKey, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { objectives } from './okrs.js';

/**
 * What a cycle's evaluation sums from one objective's key results, as of now, kept by PostgreSQL on every write it
 * depends on (statement triggers in the migration `eval_objective_figures`): key results (score, override, progress,
 * owner, effective start, objective), their check-in digests (every check-in write), objectives (cycle, team,
 * effective start), teams (cadence) and cycles (dates). The evaluation of an open cycle reads its 12,500 rows by
 * (org, cycle) instead of reaching 37,500 wide key_results rows through each objective and joining every check-in
 * digest of the organisation. What depends on the reader (visibility, team filter) and on the day (the periods due
 * until today) is applied when reading; the objective's type, score, team and status are read live beside it.
 * Scores are compared with the domain's float tolerance (FLOAT_EPSILON). Arrays hold one entry per key result in id
 * order. Derived data: never exported, rebuilt on
 * an organisation import.
 */
export const objectiveEvaluationFigures = pgTable(
  'objective_evaluation_figures',
  {
    orgId: uuid('org_id').notNull(),
    objectiveId: uuid('objective_id').primaryKey(),
    cycleId: uuid('cycle_id').notNull(),
    /** Key results, and those scored ≥ 0.7, in 0.4–0.7 and at 1.0 (closing score with override, else progress). */
    keyResults: integer('key_results').notNull(),
    high: integer('high').notNull(),
    middle: integer('middle').notNull(),
    perfect: integer('perfect').notNull(),
    /** The team's cadence (days) and each key result's first period start: period k is (start + (k−1)·days, start + k·days]. */
    periodDays: integer('period_days').notNull(),
    keyResultIds: uuid('key_result_ids').array().notNull(),
    periodStarts: date('period_starts').array().notNull(),
    /** Bit k set when a (not deleted) check-in is dated in period k, k = 1…62, counted for that start and cadence. */
    periodMasks: bigint('period_masks', { mode: 'bigint' }).array().notNull(),
    /** Key results with a confidence at the cycle's midpoint, and their Σ (confidence − 10·o)², o = 1 at a score of 1.0. */
    forecasts: integer('forecasts').notNull(),
    squared: integer('squared').notNull(),
    /** Per key result: its owner, its confidence at the cycle's midpoint (null when none) and whether it reached 1.0. */
    ownerIds: text('owner_ids').array().notNull(),
    midpointConfidences: integer('midpoint_confidences').array().notNull(),
    reached: boolean('reached').array().notNull(),
  },
  (t) => [
    index('objective_evaluation_figures_cycle_idx').on(t.orgId, t.cycleId),
    foreignKey({
      name: 'objective_evaluation_figures_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
  ],
);

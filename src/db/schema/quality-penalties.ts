import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { objectives } from './okrs.js';
import { organizations } from './organizations.js';

/**
 * The quality coach's penalty for what an objective says — every rule but those that hinge on the date or on the rest
 * of the cycle (src/domain/quality/partial-score.ts) — kept on write, so views over a whole cycle (the heatmap) need
 * not run the coach per objective. A missing row is scored, and kept, by the view that needs it.
 */
export const objectiveQualityPenalties = pgTable(
  'objective_quality_penalties',
  {
    objectiveId: uuid('objective_id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    penalty: integer('penalty').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('objective_quality_penalties_org_idx').on(t.orgId),
    foreignKey({
      name: 'objective_quality_penalties_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    check('objective_quality_penalties_penalty_check', sql`${t.penalty} >= 0`),
  ],
);

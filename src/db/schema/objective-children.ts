import { foreignKey, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { alignments } from './okrs.js';

/**
 * Each alignment as an edge from the objective it rolls up into to the child objective: a child aligned to a key
 * result is listed under that key result's objective. Kept by PostgreSQL itself (triggers on alignments and on a key
 * result moving, in the migration; a deleted alignment takes its edge with it), so walking down from a team's
 * objectives is one index probe per objective instead of one per objective and per key result. Derived: not
 * exported, rebuilt by the triggers as alignments are imported.
 */
export const objectiveChildren = pgTable(
  'objective_children',
  {
    alignmentId: uuid('alignment_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    parentObjectiveId: uuid('parent_objective_id').notNull(),
    childObjectiveId: uuid('child_objective_id').notNull(),
  },
  (t) => [
    // Covers the walk (index-only): the children of an objective.
    index('objective_children_parent_idx').on(t.orgId, t.parentObjectiveId, t.childObjectiveId),
    foreignKey({
      name: 'objective_children_alignment_fk',
      columns: [t.alignmentId],
      foreignColumns: [alignments.id],
    }).onDelete('cascade'),
  ],
);

import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { keyResults, objectives } from './okrs.js';

/**
 * The row id an imported objective or key result had in its spreadsheet (or another tool), so that
 * importing the same file again updates those rows instead of duplicating them. `source` keeps the
 * ids of different files apart ("spreadsheet" unless the importer names one). Deleting the objective
 * or key result deletes its mapping.
 */
export const importExternalIds = pgTable(
  'import_external_ids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    objectiveId: uuid('objective_id'),
    keyResultId: uuid('key_result_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('import_external_ids_key_unique').on(t.orgId, t.source, t.externalId),
    index('import_external_ids_objective_idx').on(t.objectiveId),
    index('import_external_ids_key_result_idx').on(t.keyResultId),
    check('import_external_ids_one_target_check', sql`num_nonnulls(${t.objectiveId}, ${t.keyResultId}) = 1`),
    check('import_external_ids_external_id_check', sql`length(${t.externalId}) between 1 and 200`),
    foreignKey({
      name: 'import_external_ids_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'import_external_ids_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
  ],
);

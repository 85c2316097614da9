import { sql } from 'drizzle-orm';
import { check, customType, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { keyResults, objectives } from './okrs.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Links (title + http/https URL) on an objective or a key result: exactly one of the two. */
export const okrLinks = pgTable(
  'okr_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id'),
    keyResultId: uuid('key_result_id'),
    title: text('title').notNull(),
    url: text('url').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('okr_links_objective_idx').on(t.objectiveId),
    index('okr_links_key_result_idx').on(t.keyResultId),
    check('okr_links_one_parent_check', sql`num_nonnulls(${t.objectiveId}, ${t.keyResultId}) = 1`),
    check('okr_links_url_check', sql`${t.url} ~* '^https?://'`),
    foreignKey({
      name: 'okr_links_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'okr_links_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Files on an objective or a key result, stored in PostgreSQL so every Cairn process serves them. The content is
 * read only by the download; lists select the other columns.
 */
export const okrFiles = pgTable(
  'okr_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id'),
    keyResultId: uuid('key_result_id'),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('okr_files_objective_idx').on(t.objectiveId),
    index('okr_files_key_result_idx').on(t.keyResultId),
    index('okr_files_org_idx').on(t.orgId),
    check('okr_files_one_parent_check', sql`num_nonnulls(${t.objectiveId}, ${t.keyResultId}) = 1`),
    check('okr_files_name_check', sql`length(trim(${t.name})) > 0`),
    check('okr_files_size_check', sql`${t.size} = octet_length(${t.content})`),
    foreignKey({
      name: 'okr_files_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'okr_files_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
  ],
);

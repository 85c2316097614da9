import { date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../domain/initiatives.js';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { keyResults } from './okrs.js';

/** The work under a key result. It counts in no progress unless its key result is driven by its initiatives. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    keyResultId: uuid('key_result_id').notNull(),
    title: text('title').notNull(),
    ownerId: text('owner_id'),
    status: text('status').$type<InitiativeStatus>().notNull().default('planned'),
    dueDate: date('due_date'),
    url: text('url'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('initiatives_key_result_idx').on(t.keyResultId, t.position),
    index('initiatives_owner_idx').on(t.orgId, t.ownerId, t.status),
    unique('initiatives_org_id_unique').on(t.orgId, t.id),
    foreignKey({
      name: 'initiatives_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'initiatives_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    oneOf('initiatives_status_check', t.status, INITIATIVE_STATUSES),
  ],
);

/** A milestone key result whose milestones are its initiatives (a row here), instead of hand-ticked ones. */
export const initiativeDrivenKeyResults = pgTable(
  'initiative_driven_key_results',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    keyResultId: uuid('key_result_id').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'initiative_driven_key_results_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
  ],
);

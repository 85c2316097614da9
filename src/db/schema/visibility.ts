import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { objectives } from './okrs.js';

/** The people named on a private objective: besides its owner and the admins, only they may read it. */
export const objectiveViewers = pgTable(
  'objective_viewers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.objectiveId, t.userId] }),
    index('objective_viewers_user_idx').on(t.orgId, t.userId),
    foreignKey({
      name: 'objective_viewers_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'objective_viewers_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

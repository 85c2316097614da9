import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { cycles } from './okrs.js';
import { teams } from './people.js';

// Signed, revocable links of the review rhythm (issue 17). A link's token is `<row id>.<HMAC of the id>`: a
// forged token fails the signature, a revoked one finds no row; both answer 404 revealing nothing.

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/** A person's private iCalendar feed: at most one per person; revoking deletes the row. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('calendar_feeds_user_unique').on(t.userId),
    foreignKey({ name: 'calendar_feeds_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** A read-only link to a cycle's (or one team's) report for stakeholders; it expires and can be revoked. */
export const reportShares = pgTable(
  'report_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    cycleId: uuid('cycle_id').notNull(),
    teamId: uuid('team_id'),
    createdBy: text('created_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_shares_org_idx').on(t.orgId, t.createdAt),
    check('report_shares_expiry_check', sql`${t.expiresAt} > ${t.createdAt}`),
    foreignKey({ name: 'report_shares_cycle_fk', columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'report_shares_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete(
      'cascade',
    ),
  ],
);

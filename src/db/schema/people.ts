import { index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users, type Role } from './auth.js';

export const TEAM_KINDS = ['department', 'team'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];
export const MEMBER_ROLES = ['lead', 'member'] as const;
export type TeamMemberRole = (typeof MEMBER_ROLES)[number];

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').$type<TeamKind>().notNull().default('team'),
    parentId: uuid('parent_id').references((): AnyPgColumn => teams.id),
    checkInCadence: text('check_in_cadence').$type<CheckInCadence>().notNull().default('weekly'),
    /** Day of week (0 = Sunday … 6) and hour, in the organisation's time zone, when check-ins are due. */
    checkInDay: integer('check_in_day').notNull().default(1),
    checkInHour: integer('check_in_hour').notNull().default(10),
    /** A Slack- or Teams-compatible incoming webhook for the team's reminders and wins. */
    webhookUrl: text('webhook_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_org_parent_idx').on(t.orgId, t.parentId)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<TeamMemberRole>().notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.orgId, t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull().default('member'),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    emailStatus: text('email_status').$type<'sent' | 'failed' | 'not_configured'>().notNull().default('not_configured'),
  },
  (t) => [index('invitations_org_idx').on(t.orgId, t.createdAt)],
);

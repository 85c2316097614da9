import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  CHECK_IN_CADENCES,
  EMAIL_STATUSES,
  ROLES,
  TEAM_KINDS,
  TEAM_MEMBER_ROLES,
  type CheckInCadence,
  type EmailStatus,
  type Role,
  type TeamKind,
  type TeamMemberRole,
} from '../../domain/vocabulary.js';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';

// References to teams and users carry org_id, so a row can only point inside its own organisation.

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
    parentId: uuid('parent_id'),
    checkInCadence: text('check_in_cadence').$type<CheckInCadence>().notNull().default('weekly'),
    /** Day of week (0 = Sunday … 6) and hour, in the organisation's time zone, when check-ins are due. */
    checkInDay: integer('check_in_day').notNull().default(1),
    checkInHour: integer('check_in_hour').notNull().default(10),
    /** A Slack- or Teams-compatible incoming webhook for the team's reminders and wins. */
    webhookUrl: text('webhook_url'),
    /** The Slack channel id (C…/G…) the Slack app posts the team's weekly digest and wins to. */
    slackChannelId: text('slack_channel_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('teams_org_parent_idx').on(t.orgId, t.parentId),
    unique('teams_org_id_unique').on(t.orgId, t.id),
    foreignKey({ name: 'teams_parent_fk', columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
    oneOf('teams_kind_check', t.kind, TEAM_KINDS),
    oneOf('teams_check_in_cadence_check', t.checkInCadence, CHECK_IN_CADENCES),
    check('teams_check_in_day_check', sql`${t.checkInDay} between 0 and 6`),
    check('teams_check_in_hour_check', sql`${t.checkInHour} between 0 and 23`),
    check('teams_slack_channel_id_check', sql`${t.slackChannelId} ~ '^[CG][A-Z0-9]{8,}$'`),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    teamId: uuid('team_id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role').$type<TeamMemberRole>().notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    // User first: the visibility condition looks up a reader's teams by user id alone (it has no org id).
    index('team_members_user_idx').on(t.userId, t.orgId),
    foreignKey({ name: 'team_members_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
    foreignKey({ name: 'team_members_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
    oneOf('team_members_role_check', t.role, TEAM_MEMBER_ROLES),
  ],
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
    /** team_id and invited_by reference rows of the same organisation: migration 0006 (ON DELETE SET NULL). */
    teamId: uuid('team_id'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    emailStatus: text('email_status').$type<EmailStatus>().notNull().default('not_configured'),
    /** From a bulk invitation: the name offered on the accept form, and the role the person takes in the team. */
    name: text('name'),
    teamRole: text('team_role').$type<TeamMemberRole>().notNull().default('member'),
  },
  (t) => [
    index('invitations_org_idx').on(t.orgId, t.createdAt),
    oneOf('invitations_role_check', t.role, ROLES),
    oneOf('invitations_email_status_check', t.emailStatus, EMAIL_STATUSES),
    oneOf('invitations_team_role_check', t.teamRole, TEAM_MEMBER_ROLES),
  ],
);

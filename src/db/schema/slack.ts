import { sql } from 'drizzle-orm';
import { check, foreignKey, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './auth.js';

// The Slack app (issue 20): one Slack app per organisation and people linked to their Slack user.
// Secrets live only in slack_installations (and hashed codes in slack_link_codes), which the export skips.

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);

/** The organisation's Slack app: its signing secret (verifies Slack's requests) and bot token (calls Slack). */
export const slackInstallations = pgTable('slack_installations', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  signingSecret: text('signing_secret').notNull(),
  botToken: text('bot_token').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A Cairn person's Slack user: one each way within an organisation. */
export const slackLinks = pgTable(
  'slack_links',
  {
    orgId: orgId(),
    userId: text('user_id').notNull(),
    slackUserId: text('slack_user_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'slack_links_pk', columns: [t.orgId, t.userId] }),
    unique('slack_links_slack_user_unique').on(t.orgId, t.slackUserId),
    foreignKey({ name: 'slack_links_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/** The one-time code a person types as `/cairn link CODE`; stored hashed, one per person, short-lived. */
export const slackLinkCodes = pgTable(
  'slack_link_codes',
  {
    orgId: orgId(),
    userId: text('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'slack_link_codes_pk', columns: [t.orgId, t.userId] }),
    unique('slack_link_codes_hash_unique').on(t.codeHash),
    check('slack_link_codes_expiry_check', sql`${t.expiresAt} > ${t.createdAt}`),
    foreignKey({ name: 'slack_link_codes_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

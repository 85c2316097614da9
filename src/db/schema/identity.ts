import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { teams } from './people.js';
import { users } from './auth.js';

/**
 * The organisation's audit log (issue 19). Each entry holds the hash of the one before it, per
 * organisation, so a row changed or removed in the database breaks the chain at that entry. No
 * foreign key to people: removing a person must not remove what they did.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [unique('audit_entries_org_seq_unique').on(t.orgId, t.seq), index('audit_entries_org_at_idx').on(t.orgId, t.at)],
);

/**
 * One row per organisation: the head of its chain (appends lock this row, so they are serialised) and
 * the anchor left by retention — the last pruned entry's sequence and hash, signed with the instance
 * secret, so verification starts there and a forged anchor is caught.
 */
export const auditChains = pgTable(
  'audit_chains',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    headSeq: bigint('head_seq', { mode: 'number' }).notNull().default(0),
    headHash: text('head_hash').notNull().default(''),
    anchorSeq: bigint('anchor_seq', { mode: 'number' }).notNull().default(0),
    anchorHash: text('anchor_hash').notNull().default(''),
    anchorSignature: text('anchor_signature'),
    /** Entries older than this many days are pruned; null keeps them all. */
    retentionDays: integer('retention_days'),
  },
  (t) => [check('audit_chains_retention_check', sql`${t.retentionDays} is null or ${t.retentionDays} >= 30`)],
);

/** The bearer tokens an identity provider uses for SCIM; only their SHA-256 is kept. */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('scim_tokens_org_idx').on(t.orgId)],
);

/** A person provisioned by SCIM: the identity provider's own id for them. */
export const scimUsers = pgTable(
  'scim_users',
  {
    orgId: uuid('org_id').notNull(),
    userId: text('user_id').notNull(),
    externalId: text('external_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ name: 'scim_users_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/** A SCIM group is a team; this keeps the identity provider's id for it. */
export const scimGroups = pgTable(
  'scim_groups',
  {
    orgId: uuid('org_id').notNull(),
    teamId: uuid('team_id').notNull(),
    externalId: text('external_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId] }),
    foreignKey({ name: 'scim_groups_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { TOKEN_KINDS, TOKEN_SCOPES, type TokenKind, type TokenScope } from '../../domain/identity/token-scopes.js';
import { ROLES, type Role } from '../../domain/vocabulary.js';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';

// Better Auth's core tables. The JS keys are the field names Better Auth expects; org_id and role are ours.

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    role: text('role').$type<Role>().notNull().default('member'),
    title: text('title'),
    /** (org_id, manager_id) references a user of the same organisation: migration 0006 (ON DELETE SET NULL (manager_id)). */
    managerId: text('manager_id'),
    timeZone: text('time_zone'),
    /** Quiet hours in the person's time zone (start inclusive, end exclusive; may wrap midnight): e-mail waits. */
    quietHoursStart: integer('quiet_hours_start'),
    quietHoursEnd: integer('quiet_hours_end'),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [index('users_org_idx').on(t.orgId), unique('users_org_id_unique').on(t.orgId, t.id), oneOf('users_role_check', t.role, ROLES)],
);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
  ipAddress: text('ip_address'),
  userAgent: text('user_agent'),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
});

export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  providerId: text('provider_id').notNull(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  accessToken: text('access_token'),
  refreshToken: text('refresh_token'),
  idToken: text('id_token'),
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
  refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
  scope: text('scope'),
  password: text('password'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
});

export const verifications = pgTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    /** sha256 of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    /** What the token may do (issue 19); tokens made before scopes existed got all of them. */
    scopes: text('scopes')
      .array()
      .$type<TokenScope[]>()
      .notNull()
      .default(sql`array['read','write:check-ins','write:okrs','admin']::text[]`),
    /** A service token belongs to the organisation: issued by an admin, who owns it, listed to every admin. */
    kind: text('kind').$type<TokenKind>().notNull().default('personal'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('api_tokens_user_idx').on(t.orgId, t.userId),
    oneOf('api_tokens_kind_check', t.kind, TOKEN_KINDS),
    check('api_tokens_scopes_check', sql`${t.scopes} <@ array[${sql.raw(TOKEN_SCOPES.map((s) => `'${s}'`).join(','))}]::text[]`),
    foreignKey({ name: 'api_tokens_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

/**
 * Failed sign-ins, per client address and per account-and-address pair, shared by every process on
 * one database. `blockedUntil` grows with each failure past the limit (see auth/login-throttle.ts).
 */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

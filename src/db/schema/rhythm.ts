import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CHANNELS,
  COMMENT_TARGETS,
  NOTIFICATION_KINDS,
  OUTBOX_CHANNELS,
  OUTBOX_STATUSES,
  REACTION_TARGETS,
  type Channel,
  type CommentTarget,
  type NotificationKind,
  type OutboxChannel,
  type OutboxStatus,
  type ReactionTarget,
} from '../../domain/vocabulary.js';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { checkIns, keyResults, objectives } from './okrs.js';

/** The target id when the target is of `type`, else NULL: a stored column a cascading foreign key can hang on. */
const targetIdWhen = (type: string) => sql.raw(`case when target_type = '${type}' then target_id end`);

/** In-app notifications. `dedupeKey` makes a reminder or digest land once per person and period, whichever process sends it. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey),
    foreignKey({ name: 'notifications_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    oneOf('notifications_kind_check', t.kind, NOTIFICATION_KINDS),
  ],
);

/** A person's choice per kind and channel; no row means the default (on). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    enabled: boolean('enabled').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.channel] }),
    foreignKey({
      name: 'notification_preferences_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    oneOf('notification_preferences_kind_check', t.kind, NOTIFICATION_KINDS),
    oneOf('notification_preferences_channel_check', t.channel, CHANNELS),
  ],
);

/**
 * Transactional outbox for e-mail and webhooks: written in the same transaction as the change that
 * causes it, delivered afterwards by the dispatcher (claimed with FOR UPDATE SKIP LOCKED on a server),
 * retried with backoff. Without SMTP, e-mails stay here as `recorded` for an admin to read.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    channel: text('channel').$type<OutboxChannel>().notNull(),
    /** An e-mail address or a webhook URL. */
    recipient: text('recipient').notNull(),
    /** References a user of the same organisation: migration 0006 (ON DELETE SET NULL (user_id)). */
    userId: text('user_id'),
    subject: text('subject'),
    body: text('body').notNull(),
    payload: jsonb('payload'),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    oneOf('outbox_channel_check', t.channel, OUTBOX_CHANNELS),
    oneOf('outbox_status_check', t.status, OUTBOX_STATUSES),
  ],
);

/** One row per job and period: the insert that wins decides which process runs it (exactly once). */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    periodKey: text('period_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    result: jsonb('result'),
    error: text('error'),
  },
  (t) => [uniqueIndex('job_runs_period_idx').on(t.name, t.periodKey)],
);

/**
 * A comment on an objective, a key result or a check-in (target_type, target_id). One generated column per
 * target type holds the id when the comment is on that type, so a foreign key per type removes the comment
 * with its target (ON DELETE CASCADE) and refuses a target that does not exist or is in another organisation.
 */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    targetType: text('target_type').$type<CommentTarget>().notNull(),
    targetId: uuid('target_id').notNull(),
    objectiveId: uuid('objective_id').generatedAlwaysAs(targetIdWhen('objective')),
    keyResultId: uuid('key_result_id').generatedAlwaysAs(targetIdWhen('key_result')),
    checkInId: uuid('check_in_id').generatedAlwaysAs(targetIdWhen('check_in')),
    /** References a user of the same organisation: migration 0006 (ON DELETE SET NULL (author_id)). */
    authorId: text('author_id'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('comments_target_idx').on(t.targetType, t.targetId, t.createdAt),
    unique('comments_org_id_unique').on(t.orgId, t.id),
    oneOf('comments_target_type_check', t.targetType, COMMENT_TARGETS),
    foreignKey({
      name: 'comments_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'comments_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'comments_check_in_fk', columns: [t.orgId, t.checkInId], foreignColumns: [checkIns.orgId, checkIns.id] }).onDelete(
      'cascade',
    ),
  ],
);

export const commentMentions = pgTable(
  'comment_mentions',
  {
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

/** A reaction to a comment or a check-in; removed with its target, like comments (generated id per target type). */
export const reactions = pgTable(
  'reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    targetType: text('target_type').$type<ReactionTarget>().notNull(),
    targetId: uuid('target_id').notNull(),
    commentId: uuid('comment_id').generatedAlwaysAs(targetIdWhen('comment')),
    checkInId: uuid('check_in_id').generatedAlwaysAs(targetIdWhen('check_in')),
    userId: text('user_id').notNull(),
    emoji: text('emoji').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reactions_unique_idx').on(t.targetType, t.targetId, t.userId, t.emoji),
    oneOf('reactions_target_type_check', t.targetType, REACTION_TARGETS),
    foreignKey({ name: 'reactions_comment_fk', columns: [t.orgId, t.commentId], foreignColumns: [comments.orgId, comments.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'reactions_check_in_fk', columns: [t.orgId, t.checkInId], foreignColumns: [checkIns.orgId, checkIns.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'reactions_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);

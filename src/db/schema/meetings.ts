import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  MEETING_AUDIENCES,
  MEETING_KINDS,
  MEETING_RECURRENCES,
  type MeetingAudience,
  type MeetingKind,
  type MeetingRecurrence,
} from '../../domain/meetings.js';
import { confidenceRange, oneOf } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { teams } from './people.js';

// Review meetings (issue 17). Nullable references that must survive their target (a decision's owner and
// objective) get ON DELETE SET NULL (column) in the custom SQL of this feature's migration.

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One meeting; a recurring one points at the first of its series (series_id = its own id for the first). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    seriesId: uuid('series_id').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    title: text('title').notNull(),
    audience: text('audience').$type<MeetingAudience>().notNull(),
    teamId: uuid('team_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    recurrence: text('recurrence').$type<MeetingRecurrence>().notNull().default('none'),
    /** Held asynchronously: participants post their part before this moment. */
    asyncDeadline: timestamp('async_deadline', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('meetings_org_starts_idx').on(t.orgId, t.startsAt),
    index('meetings_series_idx').on(t.seriesId, t.startsAt),
    unique('meetings_org_id_unique').on(t.orgId, t.id),
    oneOf('meetings_kind_check', t.kind, MEETING_KINDS),
    oneOf('meetings_audience_check', t.audience, MEETING_AUDIENCES),
    oneOf('meetings_recurrence_check', t.recurrence, MEETING_RECURRENCES),
    check('meetings_team_check', sql`(${t.audience} in ('team', 'department')) = (${t.teamId} is not null)`),
    check('meetings_duration_check', sql`${t.durationMinutes} between 5 and 480`),
    foreignKey({ name: 'meetings_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
  ],
);

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    userId: text('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index('meeting_participants_user_idx').on(t.orgId, t.userId),
    foreignKey({
      name: 'meeting_participants_meeting_fk',
      columns: [t.orgId, t.meetingId],
      foreignColumns: [meetings.orgId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'meeting_participants_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** A participant's asynchronous part: only a participant can post one (the foreign key onto participants). */
export const meetingUpdates = pgTable(
  'meeting_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    userId: text('user_id').notNull(),
    update: text('update').notNull(),
    confidence: integer('confidence'),
    blockers: text('blockers'),
    commitments: text('commitments'),
    /** Whether the commitments of the previous meeting of the series were kept (null: not said). */
    keptPrevious: boolean('kept_previous'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('meeting_updates_once').on(t.meetingId, t.userId),
    confidenceRange('meeting_updates_confidence_check', t.confidence),
    foreignKey({
      name: 'meeting_updates_participant_fk',
      columns: [t.meetingId, t.userId],
      foreignColumns: [meetingParticipants.meetingId, meetingParticipants.userId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'meeting_updates_meeting_fk',
      columns: [t.orgId, t.meetingId],
      foreignColumns: [meetings.orgId, meetings.id],
    }).onDelete('cascade'),
  ],
);

/** Notes taken on one section of the generated agenda (its key). */
export const meetingNotes = pgTable(
  'meeting_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    agendaItem: text('agenda_item').notNull(),
    body: text('body').notNull(),
    authorId: text('author_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_notes_meeting_idx').on(t.meetingId),
    foreignKey({
      name: 'meeting_notes_meeting_fk',
      columns: [t.orgId, t.meetingId],
      foreignColumns: [meetings.orgId, meetings.id],
    }).onDelete('cascade'),
  ],
);

/** The decision log: searchable across the organisation (full-text index in the custom SQL). */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    decision: text('decision').notNull(),
    ownerId: text('owner_id'),
    decidedOn: date('decided_on').notNull(),
    objectiveId: uuid('objective_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_decisions_org_idx').on(t.orgId, t.decidedOn),
    foreignKey({
      name: 'meeting_decisions_meeting_fk',
      columns: [t.orgId, t.meetingId],
      foreignColumns: [meetings.orgId, meetings.id],
    }).onDelete('cascade'),
  ],
);

/** An action agreed in a meeting: on its owner's week and on every later agenda of the series until done. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    meetingId: uuid('meeting_id').notNull(),
    seriesId: uuid('series_id').notNull(),
    title: text('title').notNull(),
    ownerId: text('owner_id').notNull(),
    dueDate: date('due_date').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_actions_owner_idx').on(t.orgId, t.ownerId, t.dueDate),
    index('meeting_actions_series_idx').on(t.seriesId),
    foreignKey({
      name: 'meeting_actions_meeting_fk',
      columns: [t.orgId, t.meetingId],
      foreignColumns: [meetings.orgId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'meeting_actions_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

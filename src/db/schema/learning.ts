import { sql, type SQL } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  unique,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import { LESSON_OUTCOMES, LESSON_SOURCE_KINDS, type LessonOutcome, type LessonSourceKind } from '../../domain/learning-vocabulary.js';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { teams } from './people.js';
import { cycles, objectives } from './okrs.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One searchable lesson, written in a closing note or a retrospective. `search` is the stemmed text (English), kept
 * by PostgreSQL itself so every writer indexes the same way; tags are matched exactly.
 */
export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    text: text('text').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    teamId: uuid('team_id'),
    cycleId: uuid('cycle_id').notNull(),
    objectiveId: uuid('objective_id'),
    outcome: text('outcome').$type<LessonOutcome>(),
    authorId: text('author_id'),
    sourceKind: text('source_kind').$type<LessonSourceKind>().notNull(),
    sourceId: uuid('source_id').notNull(),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('english'::regconfig, ${lessons.text})`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // No pending list: a search would read every lesson added since the last (auto)vacuum linearly (40–50 ms at
    // 17,000 pending, docs/performance.md); lessons are written a few at a time, so inserting into the tree costs nothing.
    index('lessons_search_idx').using('gin', t.search).with({ fastupdate: false }),
    index('lessons_tags_idx').using('gin', t.tags),
    index('lessons_source_idx').on(t.orgId, t.sourceKind, t.sourceId),
    index('lessons_org_cycle_idx').on(t.orgId, t.cycleId),
    foreignKey({ name: 'lessons_cycle_fk', columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete('cascade'),
    foreignKey({ name: 'lessons_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
    foreignKey({
      name: 'lessons_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    // lessons_author_fk (ON DELETE SET NULL (author_id)) and retrospectives_created_by_fk are custom SQL in 0010_learning.
    oneOf('lessons_outcome_check', t.outcome, LESSON_OUTCOMES),
    oneOf('lessons_source_kind_check', t.sourceKind, LESSON_SOURCE_KINDS),
    check('lessons_text_check', sql`length(${t.text}) between 1 and 500`),
  ],
);

/**
 * A team's retrospective of a cycle (or of one shared objective). `state` is the co-edited Y.Doc (base64 of its
 * update); the text fields are copied out of it on every save so they can be read and searched without Yjs.
 */
export const retrospectives = pgTable(
  'retrospectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    cycleId: uuid('cycle_id').notNull(),
    teamId: uuid('team_id').notNull(),
    objectiveId: uuid('objective_id'),
    state: text('state').notNull().default(''),
    wentWell: text('went_well').notNull().default(''),
    wentBadly: text('went_badly').notNull().default(''),
    rootCauses: text('root_causes').notNull().default(''),
    lessonsText: text('lessons_text').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('retrospectives_org_id_unique').on(t.orgId, t.id),
    uniqueIndex('retrospectives_team_unique')
      .on(t.orgId, t.cycleId, t.teamId)
      .where(sql`${t.objectiveId} is null`),
    uniqueIndex('retrospectives_objective_unique')
      .on(t.orgId, t.cycleId, t.objectiveId)
      .where(sql`${t.objectiveId} is not null`),
    foreignKey({ name: 'retrospectives_cycle_fk', columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'retrospectives_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      name: 'retrospectives_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
  ],
);

/** Who takes part: the team's members need no row; people from other teams are invited here. */
export const retrospectiveParticipants = pgTable(
  'retrospective_participants',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    retrospectiveId: uuid('retrospective_id').notNull(),
    userId: text('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.retrospectiveId, t.userId] }),
    foreignKey({
      name: 'retrospective_participants_retro_fk',
      columns: [t.orgId, t.retrospectiveId],
      foreignColumns: [retrospectives.orgId, retrospectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'retrospective_participants_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
  ],
);

/** Something the retrospective decided to do: an owner and a due date put it in that person's week until done. */
export const retrospectiveActions = pgTable(
  'retrospective_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    retrospectiveId: uuid('retrospective_id').notNull(),
    text: text('text').notNull(),
    ownerId: text('owner_id').notNull(),
    dueDate: date('due_date').notNull(),
    done: boolean('done').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('retrospective_actions_owner_idx').on(t.orgId, t.ownerId, t.done),
    index('retrospective_actions_retro_idx').on(t.retrospectiveId),
    foreignKey({
      name: 'retrospective_actions_retro_fk',
      columns: [t.orgId, t.retrospectiveId],
      foreignColumns: [retrospectives.orgId, retrospectives.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'retrospective_actions_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    check('retrospective_actions_text_check', sql`length(${t.text}) between 1 and 500`),
  ],
);

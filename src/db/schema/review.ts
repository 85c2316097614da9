import { sql } from 'drizzle-orm';
import { check, doublePrecision, foreignKey, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { NEXT_STEPS, OUTCOMES, type NextStep, type Outcome } from '../../domain/vocabulary.js';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { cycles, keyResults, objectives } from './okrs.js';

/** One lesson written in a closing note; the lessons library indexes these. */
export interface LessonRow {
  text: string;
  tags: string[];
}

/** A key result owner's confirmation of its review score (the proposed one, or an override set beside it). */
export const scoreConfirmations = pgTable(
  'score_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    cycleId: uuid('cycle_id').notNull(),
    keyResultId: uuid('key_result_id').notNull(),
    /** The score proposed when it was confirmed: progress at the end date (or that day), 2 decimals. */
    proposedScore: doublePrecision('proposed_score').notNull(),
    score: doublePrecision('score').notNull(),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('score_confirmations_key_result_unique').on(t.orgId, t.keyResultId),
    index('score_confirmations_cycle_idx').on(t.orgId, t.cycleId),
    foreignKey({ name: 'score_confirmations_cycle_fk', columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      name: 'score_confirmations_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    check('score_confirmations_score_check', sql`${t.score} between 0 and 1 and ${t.proposedScore} between 0 and 1`),
  ],
);

/** What became of an objective and what was learnt, written in review (one per objective). */
export const closingNotes = pgTable(
  'closing_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id').notNull(),
    outcome: text('outcome').$type<Outcome>().notNull(),
    whatWorked: text('what_worked').notNull().default(''),
    whatDidNot: text('what_did_not').notNull().default(''),
    lessons: jsonb('lessons').$type<LessonRow[]>().notNull().default([]),
    next: text('next').$type<NextStep>().notNull(),
    authorId: text('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('closing_notes_objective_unique').on(t.orgId, t.objectiveId),
    foreignKey({
      name: 'closing_notes_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    oneOf('closing_notes_outcome_check', t.outcome, OUTCOMES),
    oneOf('closing_notes_next_check', t.next, NEXT_STEPS),
    check('closing_notes_length_check', sql`char_length(${t.whatWorked}) <= 4000 and char_length(${t.whatDidNot}) <= 4000`),
    check('closing_notes_lessons_check', sql`jsonb_typeof(${t.lessons}) = 'array' and jsonb_array_length(${t.lessons}) <= 20`),
  ],
);

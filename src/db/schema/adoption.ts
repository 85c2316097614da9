import { sql } from 'drizzle-orm';
import { check, date, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ADOPTION_SCREENS, type AdoptionScreen } from '../../domain/vocabulary.js';
import { oneOf } from './constraints.js';
import { objectives } from './okrs.js';
import { teams } from './people.js';

/**
 * Time invested in OKRs: minutes of active use on planning and check-in screens, measured in the browser and kept
 * only as a sum per team, week (its Monday) and kind of screen. No person id: nobody can see anyone's minutes.
 */
export const adoptionMinutes = pgTable(
  'adoption_minutes',
  {
    orgId: uuid('org_id').notNull(),
    teamId: uuid('team_id').notNull(),
    weekStart: date('week_start').notNull(),
    screen: text('screen').$type<AdoptionScreen>().notNull(),
    minutes: integer('minutes').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.teamId, t.weekStart, t.screen] }),
    foreignKey({ name: 'adoption_minutes_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete(
      'cascade',
    ),
    oneOf('adoption_minutes_screen_check', t.screen, ADOPTION_SCREENS),
    check('adoption_minutes_minutes_check', sql`${t.minutes} >= 0`),
    check('adoption_minutes_monday_check', sql`extract(isodow from ${t.weekStart}) = 1`),
  ],
);

/** The quality coach's score of an objective when it was published (the adoption figures average it). */
export const objectiveQualityScores = pgTable(
  'objective_quality_scores',
  {
    orgId: uuid('org_id').notNull(),
    objectiveId: uuid('objective_id').notNull(),
    score: integer('score').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.objectiveId] }),
    foreignKey({
      name: 'objective_quality_scores_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    check('objective_quality_scores_score_check', sql`${t.score} between 0 and 100`),
  ],
);

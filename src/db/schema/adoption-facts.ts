import { foreignKey, integer, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { cycles } from './okrs.js';

/** The team key of objectives without a team (company objectives): a primary key cannot hold null. */
export const NO_TEAM_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * What the adoption figures count of one team's published objectives in one cycle, kept so that a report reads a
 * few thousand rows instead of counting 150,000 key results and their check-ins (services/adoption/kept-facts.ts).
 * The facts do not depend on the day they are read (the due dates' check-ins, blockers' times and answers, comments'
 * days); the rhythm settings they were counted under are stamped on the row. Statement triggers replace the token
 * and drop the facts, in the writing transaction, on every write that can change them (objectives, key results,
 * check-ins, comments, contributors, quality scores, score confirmations, retrospectives, a team's cadence, a
 * cycle's dates); a read counts again the rows without facts and keeps them only while the token is the one it read.
 * Derived: not exported; the triggers make the rows again (without facts) as an import writes the objectives.
 */
export const adoptionTeamFacts = pgTable(
  'adoption_team_facts',
  {
    cycleId: uuid('cycle_id').notNull(),
    /** The objectives' team, or NO_TEAM_KEY. No foreign key: objectives may name a team that is gone. */
    teamKey: uuid('team_key').notNull(),
    orgId: uuid('org_id').notNull(),
    token: uuid('token').notNull().defaultRandom(),
    graceDays: integer('grace_days'),
    answerWithinHours: integer('answer_within_hours'),
    facts: jsonb('facts'),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.teamKey] }),
    foreignKey({
      name: 'adoption_team_facts_cycle_fk',
      columns: [t.orgId, t.cycleId],
      foreignColumns: [cycles.orgId, cycles.id],
    }).onDelete('cascade'),
  ],
);

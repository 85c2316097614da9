import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid, foreignKey } from 'drizzle-orm/pg-core';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { LEADERBOARD_MEASURES, type LeaderboardMeasure } from '../../domain/vocabulary.js';

// Owners clear themselves when their account goes (ON DELETE SET NULL (column), in the migration's custom SQL), as
// do objectives' links to a deleted pillar or annual objective.

/** The organisation's strategic narrative (mission, vision) and its leaderboard settings: one row per organisation. */
export const organizationStrategy = pgTable(
  'organization_strategy',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    mission: text('mission'),
    vision: text('vision'),
    leaderboardEnabled: boolean('leaderboard_enabled').notNull().default(true),
    leaderboardHideNames: boolean('leaderboard_hide_names').notNull().default(false),
    leaderboardMeasure: text('leaderboard_measure').$type<LeaderboardMeasure>().notNull().default('pace'),
    updatedAt: updatedAt(),
  },
  (t) => [oneOf('organization_strategy_measure_check', t.leaderboardMeasure, LEADERBOARD_MEASURES)],
);

/** A strategic pillar: a lasting theme the organisation's objectives serve. */
export const pillars = pgTable(
  'pillars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    narrative: text('narrative'),
    ownerId: text('owner_id'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('pillars_org_idx').on(t.orgId, t.position),
    unique('pillars_org_id_unique').on(t.orgId, t.id),
    check('pillars_name_check', sql`length(trim(${t.name})) > 0`),
  ],
);

/** An objective for a calendar year under a pillar; the quarterly objectives that name it advance it. */
export const annualObjectives = pgTable(
  'annual_objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    pillarId: uuid('pillar_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    ownerId: text('owner_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('annual_objectives_org_year_idx').on(t.orgId, t.year),
    unique('annual_objectives_org_id_unique').on(t.orgId, t.id),
    check('annual_objectives_title_check', sql`length(trim(${t.title})) > 0`),
    check('annual_objectives_year_check', sql`${t.year} between 2000 and 2100`),
    foreignKey({
      name: 'annual_objectives_pillar_fk',
      columns: [t.orgId, t.pillarId],
      foreignColumns: [pillars.orgId, pillars.id],
    }).onDelete('cascade'),
  ],
);

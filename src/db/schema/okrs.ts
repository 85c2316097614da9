import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { teams } from './people.js';

export const CYCLE_STATUSES = ['planning', 'active', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
export const OBJECTIVE_STATUSES = ['draft', 'active', 'closed', 'archived'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: text('status').$type<CycleStatus>().notNull().default('planning'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('cycles_org_idx').on(t.orgId, t.startDate)],
);

/**
 * progress is maintained on write (a check-in updates its key result, objective and every ancestor
 * in one transaction), so reading the present never walks the tree.
 */
export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    title: text('title').notNull(),
    description: text('description'),
    whyImportant: text('why_important'),
    whyUrgent: text('why_urgent'),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    type: text('type').$type<'committed' | 'aspirational'>().notNull().default('committed'),
    weight: doublePrecision('weight').notNull().default(1),
    progressDriver: text('progress_driver').$type<'key_results' | 'aligned' | 'both'>().notNull().default('key_results'),
    status: text('status').$type<ObjectiveStatus>().notNull().default('active'),
    /** Why a team or individual objective aligns to nothing (the quality coach accepts a stated reason). */
    standaloneReason: text('standalone_reason'),
    progress: doublePrecision('progress').notNull().default(0),
    score: doublePrecision('score'),
    ...timestamps,
  },
  (t) => [
    index('objectives_org_cycle_idx').on(t.orgId, t.cycleId),
    index('objectives_team_idx').on(t.orgId, t.teamId),
    index('objectives_owner_idx').on(t.orgId, t.ownerId),
  ],
);

export const objectiveContributors = pgTable(
  'objective_contributors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [index('objective_contributors_objective_idx').on(t.objectiveId)],
);

export interface DataReadinessRow {
  dataSource?: string;
  baselineKnown?: boolean;
  measuredBy?: string;
  frequency?: string;
  reliability?: 'reliable' | 'proxy' | 'not_yet_measurable';
  proxyReplaceBy?: string | null;
}

export interface MilestoneRow {
  title: string;
  weight: number;
  done: boolean;
}

export const keyResults = pgTable(
  'key_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    weight: doublePrecision('weight').notNull().default(1),
    kind: text('kind').$type<'metric' | 'threshold' | 'milestone' | 'rollup'>().notNull(),
    unit: text('unit'),
    startValue: doublePrecision('start_value'),
    targetValue: doublePrecision('target_value'),
    targetMin: doublePrecision('target_min'),
    targetMax: doublePrecision('target_max'),
    currentValue: doublePrecision('current_value'),
    milestones: jsonb('milestones').$type<MilestoneRow[]>(),
    /** The data-readiness checklist: source, baseline, who measures, how often, reliability. */
    dataReadiness: jsonb('data_readiness').$type<DataReadinessRow>(),
    position: integer('position').notNull().default(0),
    progress: doublePrecision('progress').notNull().default(0),
    achievement: doublePrecision('achievement').notNull().default(0),
    lastCheckInDate: date('last_check_in_date'),
    confidence: integer('confidence'),
    score: doublePrecision('score'),
    scoreOverride: doublePrecision('score_override'),
    scoreOverrideReason: text('score_override_reason'),
    ...timestamps,
  },
  (t) => [index('key_results_objective_idx').on(t.objectiveId), index('key_results_owner_idx').on(t.orgId, t.ownerId)],
);

/** A child objective's link up to a parent objective or a parent key result (exactly one is set). */
export const alignments = pgTable(
  'alignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    childObjectiveId: uuid('child_objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    parentObjectiveId: uuid('parent_objective_id').references((): AnyPgColumn => objectives.id, { onDelete: 'cascade' }),
    parentKeyResultId: uuid('parent_key_result_id').references(() => keyResults.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('alignments_child_idx').on(t.childObjectiveId),
    index('alignments_parent_objective_idx').on(t.parentObjectiveId),
    index('alignments_parent_kr_idx').on(t.parentKeyResultId),
    uniqueIndex('alignments_unique_idx').on(t.childObjectiveId, t.parentObjectiveId, t.parentKeyResultId),
  ],
);

export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    keyResultId: uuid('key_result_id')
      .notNull()
      .references(() => keyResults.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    asOf: date('as_of').notNull(),
    value: doublePrecision('value'),
    milestonesDone: jsonb('milestones_done').$type<boolean[]>(),
    confidence: integer('confidence'),
    note: text('note'),
    blockers: text('blockers'),
    /** Soft delete: the history stays readable in the activity log and for audits. */
    deleted: boolean('deleted').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('check_ins_kr_asof_idx').on(t.keyResultId, t.asOf, t.createdAt)],
);

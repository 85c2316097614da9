import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CYCLE_STATUSES,
  KEY_RESULT_KINDS,
  OBJECTIVE_STATUSES,
  OBJECTIVE_TYPES,
  PROGRESS_DRIVERS,
  type CycleStatus,
  type KeyResultKind,
  type MeasureReliability,
  type ObjectiveStatus,
  type ObjectiveType,
  type ProgressDriver,
  type ProgressStatus,
  type Visibility,
  VISIBILITIES,
} from '../../domain/vocabulary.js';
import { confidenceRange, oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { teams } from './people.js';

// Every reference to a cycle, objective, key result, team or person carries org_id (composite foreign keys
// onto unique (org_id, id)), so the database itself refuses a reference into another organisation.
// Nullable references that clear themselves on delete (owners, teams, authors) need
// ON DELETE SET NULL (column), which Drizzle cannot express: they are in migration 0006.

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
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
    /** Optional phase date: the review opens by itself on this day (an admin can still move the phase by hand). */
    reviewOpensOn: date('review_opens_on'),
    /** Archived cycles leave the cycle switcher; a cycle holding published objectives is archived, never deleted. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('cycles_org_idx').on(t.orgId, t.startDate),
    unique('cycles_org_id_unique').on(t.orgId, t.id),
    oneOf('cycles_status_check', t.status, CYCLE_STATUSES),
    check('cycles_dates_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
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
    cycleId: uuid('cycle_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    whyImportant: text('why_important'),
    whyUrgent: text('why_urgent'),
    ownerId: text('owner_id'),
    teamId: uuid('team_id'),
    type: text('type').$type<ObjectiveType>().notNull().default('committed'),
    weight: doublePrecision('weight').notNull().default(1),
    progressDriver: text('progress_driver').$type<ProgressDriver>().notNull().default('key_results'),
    status: text('status').$type<ObjectiveStatus>().notNull().default('active'),
    /** Why a team or individual objective aligns to nothing (the quality coach accepts a stated reason). */
    standaloneReason: text('standalone_reason'),
    progress: doublePrecision('progress').notNull().default(0),
    score: doublePrecision('score'),
    /** Pace starts here when later than the cycle start: set to the day it is first published (editable). */
    effectiveStartDate: date('effective_start_date'),
    /** The objective this one continues (rolled over from a closed cycle); its FK is in the review migration's custom SQL. */
    previousObjectiveId: uuid('previous_objective_id'),
    /** The strategic pillar it serves, and the annual objective it advances (FKs in the strategy migration's custom SQL). */
    pillarId: uuid('pillar_id'),
    annualObjectiveId: uuid('annual_objective_id'),
    /** Who may read it (docs/visibility.md): enforced in every read's query by objectiveVisibleTo. */
    visibility: text('visibility').$type<Visibility>().notNull().default('organization'),
    /**
     * The progress status last announced (objective.status_changed, issue 20); status itself is computed on read.
     * Compared on every roll-up and by the daily status job; null before the first comparison.
     */
    announcedStatus: text('announced_status').$type<ProgressStatus>(),
    ...timestamps,
  },
  (t) => [
    index('objectives_org_cycle_idx').on(t.orgId, t.cycleId),
    index('objectives_team_idx').on(t.orgId, t.teamId),
    index('objectives_owner_idx').on(t.orgId, t.ownerId),
    unique('objectives_org_id_unique').on(t.orgId, t.id),
    foreignKey({ name: 'objectives_cycle_fk', columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    oneOf('objectives_type_check', t.type, OBJECTIVE_TYPES),
    oneOf('objectives_status_check', t.status, OBJECTIVE_STATUSES),
    oneOf('objectives_progress_driver_check', t.progressDriver, PROGRESS_DRIVERS),
    oneOf('objectives_visibility_check', t.visibility, VISIBILITIES),
    check(
      'objectives_announced_status_check',
      sql`${t.announcedStatus} is null or ${t.announcedStatus} in ('on_track', 'at_risk', 'off_track')`,
    ),
    check('objectives_weight_check', sql`${t.weight} > 0`),
  ],
);

export const objectiveContributors = pgTable(
  'objective_contributors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id').notNull(),
    userId: text('user_id'),
    teamId: uuid('team_id'),
  },
  (t) => [
    index('objective_contributors_objective_idx').on(t.objectiveId),
    // A team's page and week find what it contributes to by team, not by scanning contributions.
    index('objective_contributors_team_idx').on(t.orgId, t.teamId),
    foreignKey({
      name: 'objective_contributors_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'objective_contributors_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'objective_contributors_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete(
      'cascade',
    ),
  ],
);

export interface DataReadinessRow {
  dataSource?: string;
  baselineKnown?: boolean;
  measuredBy?: string;
  frequency?: string;
  reliability?: MeasureReliability;
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
    objectiveId: uuid('objective_id').notNull(),
    title: text('title').notNull(),
    ownerId: text('owner_id'),
    weight: doublePrecision('weight').notNull().default(1),
    kind: text('kind').$type<KeyResultKind>().notNull(),
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
    /** Pace and the due rule start here when later than its objective's start: the day it was added to a published objective. */
    effectiveStartDate: date('effective_start_date'),
    ...timestamps,
  },
  (t) => [
    // Objective first (many reads name only it), org second: a join on both (org_id, objective_id) uses
    // this one index even without statistics, where a planner otherwise intersected it with the
    // whole organisation's owner index, once per objective (an import's figures took minutes).
    index('key_results_objective_idx').on(t.objectiveId, t.orgId),
    index('key_results_owner_idx').on(t.orgId, t.ownerId),
    unique('key_results_org_id_unique').on(t.orgId, t.id),
    // Target of alignments' supported objective: an alignment to a key result names that key result's objective.
    unique('key_results_org_id_objective_unique').on(t.orgId, t.id, t.objectiveId),
    foreignKey({
      name: 'key_results_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    oneOf('key_results_kind_check', t.kind, KEY_RESULT_KINDS),
    check('key_results_weight_check', sql`${t.weight} > 0`),
    confidenceRange('key_results_confidence_check', t.confidence),
  ],
);

/** A child objective's link up to a parent objective or a parent key result (exactly one is set). */
export const alignments = pgTable(
  'alignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    childObjectiveId: uuid('child_objective_id').notNull(),
    parentObjectiveId: uuid('parent_objective_id'),
    parentKeyResultId: uuid('parent_key_result_id'),
    /**
     * The objective the child supports: the parent objective, or the parent key result's objective. Filled by a
     * trigger on insert (writers leave it out) and kept by the foreign key below, so maps count alignments between
     * objectives without reading 150,000 key results.
     */
    supportedObjectiveId: uuid('supported_objective_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('alignments_child_idx').on(t.childObjectiveId),
    index('alignments_parent_objective_idx').on(t.parentObjectiveId),
    index('alignments_parent_kr_idx').on(t.parentKeyResultId),
    // One index per kind of parent: a partial index only holds rows that have that parent, so it works the same on
    // every PostgreSQL version (NULLS NOT DISTINCT would need 15+) and the CHECK below rules out the all-NULL case.
    uniqueIndex('alignments_objective_parent_unique')
      .on(t.childObjectiveId, t.parentObjectiveId)
      .where(sql`${t.parentObjectiveId} is not null`),
    uniqueIndex('alignments_key_result_parent_unique')
      .on(t.childObjectiveId, t.parentKeyResultId)
      .where(sql`${t.parentKeyResultId} is not null`),
    check('alignments_one_parent_check', sql`num_nonnulls(${t.parentObjectiveId}, ${t.parentKeyResultId}) = 1`),
    check(
      'alignments_supported_objective_check',
      sql`${t.supportedObjectiveId} is not null and (${t.parentObjectiveId} is null or ${t.supportedObjectiveId} = ${t.parentObjectiveId})`,
    ),
    foreignKey({
      name: 'alignments_child_fk',
      columns: [t.orgId, t.childObjectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'alignments_parent_objective_fk',
      columns: [t.orgId, t.parentObjectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'alignments_parent_key_result_fk',
      columns: [t.orgId, t.parentKeyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    // A key result moved to another objective carries its alignments' supported objective along.
    foreignKey({
      name: 'alignments_supported_objective_fk',
      columns: [t.orgId, t.parentKeyResultId, t.supportedObjectiveId],
      foreignColumns: [keyResults.orgId, keyResults.id, keyResults.objectiveId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
  ],
);

export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    keyResultId: uuid('key_result_id').notNull(),
    authorId: text('author_id'),
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
  (t) => [
    index('check_ins_kr_asof_idx').on(t.keyResultId, t.asOf, t.createdAt),
    // Blockers raised in a range (the adoption figures): a few per cent of the check-ins, read from the index alone.
    index('check_ins_blockers_idx')
      .on(t.orgId, t.createdAt, t.keyResultId, t.id, t.authorId)
      .where(sql`not ${t.deleted} and coalesce(trim(${t.blockers}), '') <> ''`),
    unique('check_ins_org_id_unique').on(t.orgId, t.id),
    foreignKey({
      name: 'check_ins_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    confidenceRange('check_ins_confidence_check', t.confidence),
  ],
);

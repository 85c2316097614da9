import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { KPI_CADENCES, KPI_DIRECTIONS, type KpiCadence, type KpiDirection } from '../../domain/kpi-health.js';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { teams } from './people.js';
import { keyResults, objectives } from './okrs.js';

// KPIs watch business as usual beside the OKRs. Bands are checked per direction by the database too, so no
// writer can store thresholds that contradict the direction.

const finite = (column: string) => `${column} not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`;

export const kpis = pgTable(
  'kpis',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    ownerId: text('owner_id'),
    /** NULL: a company KPI. */
    teamId: uuid('team_id'),
    unit: text('unit'),
    direction: text('direction').$type<KpiDirection>().notNull(),
    healthy: doublePrecision('healthy'),
    watch: doublePrecision('watch'),
    bandMin: doublePrecision('band_min'),
    bandMax: doublePrecision('band_max'),
    watchMargin: doublePrecision('watch_margin'),
    cadence: text('cadence').$type<KpiCadence>().notNull().default('weekly'),
    /** A percent KPI's scale (unit `%` or `percent`): its start and end, 0 and 100 by default. NULL for other units. */
    percentStart: doublePrecision('percent_start'),
    percentEnd: doublePrecision('percent_end'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('kpis_org_team_idx').on(t.orgId, t.teamId),
    unique('kpis_org_id_unique').on(t.orgId, t.id),
    foreignKey({ name: 'kpis_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'kpis_team_fk', columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
    oneOf('kpis_direction_check', t.direction, KPI_DIRECTIONS),
    oneOf('kpis_cadence_check', t.cadence, KPI_CADENCES),
    check(
      'kpis_bands_check',
      sql`case ${t.direction}
        when 'higher_is_better' then ${t.healthy} is not null and ${t.watch} is not null and ${t.healthy} >= ${t.watch}
        when 'lower_is_better' then ${t.healthy} is not null and ${t.watch} is not null and ${t.healthy} <= ${t.watch}
        else ${t.bandMin} is not null and ${t.bandMax} is not null and ${t.bandMin} <= ${t.bandMax} and ${t.watchMargin} >= 0 end`,
    ),
    check(
      'kpis_percent_scale_check',
      sql`(${t.percentStart} is null) = (${t.percentEnd} is null) and (${t.percentStart} is null or ${t.percentStart} <> ${t.percentEnd})`,
    ),
  ],
);

/** A KPI's reported values. Corrections and deletions keep the row's history in the activity log; deleted rows stay. */
export const kpiValues = pgTable(
  'kpi_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kpiId: uuid('kpi_id').notNull(),
    asOf: date('as_of').notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    /** The person who reported it, or NULL when a machine did (see source). */
    reportedBy: text('reported_by'),
    /** Where it came from: `manual`, `paste`, `csv`, or the ingest caller's own `source` text. */
    source: text('source').notNull().default('manual'),
    deleted: boolean('deleted').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The organisation after the KPI: reads name both, and without it the planner intersected with the organisation's
    // every value (kpi_values_org_id_unique).
    index('kpi_values_kpi_asof_idx').on(t.kpiId, t.orgId, t.asOf),
    unique('kpi_values_org_id_unique').on(t.orgId, t.id),
    foreignKey({ name: 'kpi_values_kpi_fk', columns: [t.orgId, t.kpiId], foreignColumns: [kpis.orgId, kpis.id] }).onDelete('cascade'),
    check('kpi_values_value_finite_check', sql.raw(finite('value'))),
  ],
);

/** The organisation's KPI settings; no row means the defaults. */
export const kpiSettings = pgTable(
  'kpi_settings',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    /** Unhealthy this many periods in a row → the owner is told and a recovery objective is proposed. */
    recoveryPeriods: integer('recovery_periods').notNull().default(2),
  },
  (t) => [check('kpi_settings_recovery_periods_check', sql`${t.recoveryPeriods} between 1 and 52`)],
);

/** A proposed recovery objective for one unhealthy run of a KPI; `acceptedAt` once its owner accepted the draft. */
export const kpiRecoveries = pgTable(
  'kpi_recoveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kpiId: uuid('kpi_id').notNull(),
    objectiveId: uuid('objective_id').notNull(),
    /** The first unhealthy value of the run: one proposal per run. */
    runStartedOn: date('run_started_on').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('kpi_recoveries_run_unique').on(t.kpiId, t.runStartedOn),
    foreignKey({ name: 'kpi_recoveries_kpi_fk', columns: [t.orgId, t.kpiId], foreignColumns: [kpis.orgId, kpis.id] }).onDelete('cascade'),
    foreignKey({
      name: 'kpi_recoveries_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
  ],
);

/** A key result that improves a KPI; with `followsKpi` its value follows the KPI's latest value. */
export const keyResultKpis = pgTable(
  'key_result_kpis',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    keyResultId: uuid('key_result_id').primaryKey(),
    kpiId: uuid('kpi_id').notNull(),
    followsKpi: boolean('follows_kpi').notNull().default(false),
    /**
     * The KPI value this key result last followed (a check-in made, or found not to fit its cycle): a link whose KPI's
     * latest value is another one still has a value to follow. No foreign key: a value gone only makes it pending.
     */
    followedValueId: uuid('followed_value_id'),
  },
  (t) => [
    index('key_result_kpis_kpi_idx').on(t.kpiId),
    foreignKey({
      name: 'key_result_kpis_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'key_result_kpis_kpi_fk', columns: [t.orgId, t.kpiId], foreignColumns: [kpis.orgId, kpis.id] }).onDelete('cascade'),
  ],
);

/**
 * A bearer token that may push values to one KPI or one key result and do nothing else: it is not an API token,
 * so no other endpoint accepts it. Only its SHA-256 is stored; the token is shown once.
 */
export const ingestTokens = pgTable(
  'ingest_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kpiId: uuid('kpi_id'),
    keyResultId: uuid('key_result_id'),
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check('ingest_tokens_one_metric_check', sql`num_nonnulls(${t.kpiId}, ${t.keyResultId}) = 1`),
    foreignKey({ name: 'ingest_tokens_kpi_fk', columns: [t.orgId, t.kpiId], foreignColumns: [kpis.orgId, kpis.id] }).onDelete('cascade'),
    foreignKey({
      name: 'ingest_tokens_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
  ],
);

export const PROPOSAL_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A pushed key-result value waiting for its owner's judgement: confirmed, it becomes a real check-in. */
export const checkInProposals = pgTable(
  'check_in_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    keyResultId: uuid('key_result_id').notNull(),
    value: doublePrecision('value').notNull(),
    asOf: date('as_of').notNull(),
    /** Where it came from, in the pusher's words (a dashboard, a script…). */
    source: text('source').notNull(),
    tokenId: uuid('token_id').references(() => ingestTokens.id, { onDelete: 'set null' }),
    status: text('status').$type<ProposalStatus>().notNull().default('proposed'),
    checkInId: uuid('check_in_id'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('check_in_proposals_kr_idx').on(t.keyResultId, t.status),
    foreignKey({
      name: 'check_in_proposals_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    oneOf('check_in_proposals_status_check', t.status, PROPOSAL_STATUSES),
    check('check_in_proposals_value_finite_check', sql.raw(finite('value'))),
  ],
);

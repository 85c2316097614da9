import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf, updatedAt } from './constraints.js';
import { organizations } from './organizations.js';
import { users } from './auth.js';
import { teams } from './people.js';
import { keyResults, objectives } from './okrs.js';

export const DEPENDENCY_STATUSES = ['requested', 'accepted', 'declined'] as const;
export type DependencyStatus = (typeof DEPENDENCY_STATUSES)[number];

/**
 * An objective (or one of its key results) needs something from another team by a date. The providing team's lead
 * answers; an accepted dependency ties the dependent objective's risk to the providing objective's status.
 */
export const dependencies = pgTable(
  'dependencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    objectiveId: uuid('objective_id').notNull(),
    keyResultId: uuid('key_result_id'),
    /** The dependent objective's team when asked (null for a company objective). */
    requestingTeamId: uuid('requesting_team_id'),
    providingTeamId: uuid('providing_team_id').notNull(),
    providingObjectiveId: uuid('providing_objective_id'),
    providingKeyResultId: uuid('providing_key_result_id'),
    description: text('description').notNull(),
    neededBy: date('needed_by').notNull(),
    status: text('status').$type<DependencyStatus>().notNull().default('requested'),
    answerNote: text('answer_note'),
    requestedBy: text('requested_by'),
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('dependencies_objective_idx').on(t.orgId, t.objectiveId),
    index('dependencies_providing_team_idx').on(t.orgId, t.providingTeamId),
    index('dependencies_requesting_team_idx').on(t.orgId, t.requestingTeamId),
    index('dependencies_providing_objective_idx').on(t.orgId, t.providingObjectiveId),
    oneOf('dependencies_status_check', t.status, DEPENDENCY_STATUSES),
    check('dependencies_other_team_check', sql`${t.requestingTeamId} is distinct from ${t.providingTeamId}`),
    check('dependencies_answered_check', sql`(${t.status} = 'requested') = (${t.answeredAt} is null)`),
    check('dependencies_description_check', sql`length(trim(${t.description})) > 0`),
    foreignKey({
      name: 'dependencies_objective_fk',
      columns: [t.orgId, t.objectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dependencies_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dependencies_requesting_team_fk',
      columns: [t.orgId, t.requestingTeamId],
      foreignColumns: [teams.orgId, teams.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dependencies_providing_team_fk',
      columns: [t.orgId, t.providingTeamId],
      foreignColumns: [teams.orgId, teams.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dependencies_providing_objective_fk',
      columns: [t.orgId, t.providingObjectiveId],
      foreignColumns: [objectives.orgId, objectives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dependencies_providing_key_result_fk',
      columns: [t.orgId, t.providingKeyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'dependencies_requested_by_fk', columns: [t.orgId, t.requestedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'dependencies_answered_by_fk', columns: [t.orgId, t.answeredBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

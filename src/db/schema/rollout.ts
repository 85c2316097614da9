import { boolean, date, foreignKey, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ROLLOUT_FOCI, ROLLOUT_PHASES, type RolloutFocus, type RolloutPhase } from '../../domain/rollout/programme.js';
import { users } from './auth.js';
import { oneOf } from './constraints.js';
import { organizations } from './organizations.js';
import { keyResults } from './okrs.js';
import { ROLLOUT_FIGURES, type RolloutFigure } from '../../domain/rollout/rollout-objective.js';

/** The rollout checklist: one row per organisation and phase once someone plans it (absent: not planned yet). */
export const rolloutPhases = pgTable(
  'rollout_phases',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    phase: text('phase').$type<RolloutPhase>().notNull(),
    ownerId: text('owner_id'),
    dueOn: date('due_on'),
    done: boolean('done').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.phase] }),
    oneOf('rollout_phases_phase_check', t.phase, ROLLOUT_PHASES),
    foreignKey({ name: 'rollout_phases_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** The rollout team: who drives the programme and with which focus. */
export const rolloutTeamMembers = pgTable(
  'rollout_team_members',
  {
    orgId: uuid('org_id').notNull(),
    userId: text('user_id').notNull(),
    focus: text('focus').$type<RolloutFocus>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    oneOf('rollout_team_members_focus_check', t.focus, ROLLOUT_FOCI),
    foreignKey({ name: 'rollout_team_members_user_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** The rollout objective's key results and the figure each is fed from (src/domain/rollout/rollout-objective.ts). */
export const rolloutKeyResults = pgTable(
  'rollout_key_results',
  {
    orgId: uuid('org_id').notNull(),
    keyResultId: uuid('key_result_id').notNull(),
    figure: text('figure').$type<RolloutFigure>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.keyResultId] }),
    oneOf('rollout_key_results_figure_check', t.figure, ROLLOUT_FIGURES),
    foreignKey({
      name: 'rollout_key_results_key_result_fk',
      columns: [t.orgId, t.keyResultId],
      foreignColumns: [keyResults.orgId, keyResults.id],
    }).onDelete('cascade'),
  ],
);

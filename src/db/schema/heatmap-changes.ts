import { foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { cycles } from './okrs.js';

/**
 * A token per team and cycle that PostgreSQL replaces, in the writing transaction, whenever anything the heatmap
 * keeps of the team's objectives in that cycle changes: the objectives themselves (progress included), their
 * alignments, kept quality penalties and kept key result rows (`objective_key_result_digests`). The heatmap keeps each
 * team's objective facts in memory under its token (services/across/heatmap-team-facts.ts), so a read recomputes only
 * the teams written since. Random, never counted: a restored or rebuilt database cannot repeat a token with other
 * facts. No foreign key to teams: objectives may name a team that is gone. Derived: not exported; the triggers make the rows again as an import writes the objectives.
 */
export const heatmapTeamChanges = pgTable(
  'heatmap_team_changes',
  {
    cycleId: uuid('cycle_id').notNull(),
    teamId: uuid('team_id').notNull(),
    orgId: uuid('org_id').notNull(),
    token: uuid('token').notNull().defaultRandom(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.teamId] }),
    foreignKey({
      name: 'heatmap_team_changes_cycle_fk',
      columns: [t.orgId, t.cycleId],
      foreignColumns: [cycles.orgId, cycles.id],
    }).onDelete('cascade'),
  ],
);

import { eq } from 'drizzle-orm';
import { groupByDepartment, type HeatmapTeam } from '../../../domain/across/heatmap.js';
import { alignmentHealthOfCounts } from '../../../domain/across/alignment-health.js';
import type { Database } from '../../../db/database.js';
import { teams as teamsTable, type cycles } from '../../../db/schema/index.js';
import { cycleSnapshot } from '../okrs/cycle-graph.js';
import { loadPrinciples } from '../quality/principles.js';
import { loadPaceContext, loadTeams } from './cycle-facts.js';
import { visibleHeatmapTeams } from './heatmap-team-facts.js';
import { teamFigures } from './heatmap-team-figures.js';
import { cycleQualityCounts } from './heatmap-quality.js';
import type { Reader } from '../visibility/objective-visible.js';

type CycleRow = typeof cycles.$inferSelect;

/**
 * GET /cycles/{id}/heatmap: each team with published objectives in the cycle, grouped by department, with status
 * counts, progress against pace, on-time check-ins, quality score and alignment health — as of a past date when asked
 * (progress recomputed from the check-in history). The objectives' facts are kept per team (heatmap-team-facts.ts)
 * and each team's figures remembered under what they depend on (heatmap-team-figures.ts): a read computes the teams
 * written since, or all of them on a new day.
 */
export async function cycleHeatmap(db: Database, reader: Reader, cycle: CycleRow, options: { now: Date; asOf?: string }) {
  const { orgId } = reader;
  const [teams, pace, { resolved }, cadences, visible] = await Promise.all([
    loadTeams(db, orgId),
    loadPaceContext(db, orgId, cycle, options.now, options.asOf),
    loadPrinciples(db, orgId),
    db.select({ id: teamsTable.id, cadence: teamsTable.checkInCadence }).from(teamsTable).where(eq(teamsTable.orgId, orgId)),
    visibleHeatmapTeams(db, reader, cycle.id),
  ]);
  const [counts, snapshot] = await Promise.all([
    cycleQualityCounts(db, orgId, cycle, resolved),
    options.asOf ? cycleSnapshot(db, orgId, cycle.id, options.asOf) : Promise.resolve(null),
  ]);
  const figures = await teamFigures(db, orgId, cycle, visible, {
    pace,
    principles: resolved,
    counts,
    cadenceOf: new Map(cadences.map((t) => [t.id, t.cadence])),
    snapshot: snapshot?.objectives ?? null,
  });
  const teamRows: HeatmapTeam[] = [];
  let counted = 0;
  let alignedOrExplained = 0;
  for (const [teamId, team] of figures) {
    // The cycle's alignment health counts every team's objectives, known team or not.
    counted += team.alignmentHealth.counted;
    alignedOrExplained += team.alignmentHealth.alignedOrExplained;
    const known = teams.byId.get(teamId);
    if (known) teamRows.push({ teamId, name: known.name, departmentId: teams.departmentOf.get(teamId) ?? null, ...team });
  }
  return {
    cycleId: cycle.id,
    asOf: pace.date,
    departments: groupByDepartment(teamRows, (id) => teams.byId.get(id)?.name ?? ''),
    alignmentHealth: alignmentHealthOfCounts(counted, alignedOrExplained),
  };
}

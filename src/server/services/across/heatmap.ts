import { groupByDepartment, heatmapTeam, type HeatmapObjective } from '../../../domain/across/heatmap.js';
import { alignmentHealth } from '../../../domain/across/alignment-health.js';
import type { Database } from '../../../db/database.js';
import type { cycles } from '../../../db/schema/index.js';
import { cycleSnapshot } from '../okrs/cycle-graph.js';
import { loadPrinciples } from '../quality/principles.js';
import { loadPaceContext, loadTeams } from './cycle-facts.js';
import { heatmapObjectiveFacts } from './heatmap-facts.js';
import { cycleQualityCounts, heatmapQualityScores } from './heatmap-quality.js';
import { punctualityOfTeams } from './heatmap-punctuality.js';
import type { Reader } from '../visibility/objective-visible.js';

type CycleRow = typeof cycles.$inferSelect;

/**
 * GET /cycles/{id}/heatmap: each team with published objectives in the cycle, grouped by department, with status
 * counts, progress against pace, on-time check-ins, quality score and alignment health — as of a past date when asked
 * (progress recomputed from the check-in history).
 */
export async function cycleHeatmap(db: Database, reader: Reader, cycle: CycleRow, options: { now: Date; asOf?: string }) {
  const { orgId } = reader;
  const [teams, pace, { resolved }] = await Promise.all([
    loadTeams(db, orgId),
    loadPaceContext(db, orgId, cycle, options.now, options.asOf),
    loadPrinciples(db, orgId),
  ]);
  const [rows, counts, snapshot] = await Promise.all([
    heatmapObjectiveFacts(db, reader, cycle.id, pace.date),
    cycleQualityCounts(db, orgId, cycle),
    options.asOf ? cycleSnapshot(db, orgId, cycle.id, options.asOf) : Promise.resolve(null),
  ]);
  const quality = await heatmapQualityScores(db, orgId, cycle, rows, counts, pace, resolved);
  const punctuality = punctualityOfTeams(rows);
  const byTeam = new Map<string, HeatmapObjective[]>();
  for (const row of rows) {
    const progress = snapshot?.objectives.get(row.id) ?? row.progress;
    const facts: HeatmapObjective = {
      teamId: row.teamId,
      progress,
      ...pace.pace({ progress, effectiveStartDate: row.effectiveStartDate }),
      aligned: row.aligned,
      standaloneReason: row.standaloneReason,
      quality: quality.get(row.id) ?? 100,
    };
    const list = byTeam.get(facts.teamId);
    if (list) list.push(facts);
    else byTeam.set(facts.teamId, [facts]);
  }
  const teamRows = [...byTeam].flatMap(([teamId, objectivesOfTeam]) => {
    const team = teams.byId.get(teamId);
    if (!team) return [];
    const department = teams.departmentOf.get(teamId) ?? null;
    const row = heatmapTeam(
      { id: teamId, name: team.name, departmentId: department },
      objectivesOfTeam,
      punctuality.get(teamId) ?? { due: 0, onTime: 0 },
    );
    return row ? [row] : [];
  });
  return {
    cycleId: cycle.id,
    asOf: pace.date,
    departments: groupByDepartment(teamRows, (id) => teams.byId.get(id)?.name ?? ''),
    alignmentHealth: alignmentHealth(
      [...byTeam.values()]
        .flat()
        .map((o) => ({ teamId: o.teamId, published: true, aligned: o.aligned, standaloneReason: o.standaloneReason })),
    ),
  };
}

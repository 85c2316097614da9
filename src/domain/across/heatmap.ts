/**
 * The heatmap: for each team with published objectives in a cycle, how many are on track, at risk or off track,
 * how far its progress runs ahead of (or behind) pace, the share of due check-ins made on time, its quality score
 * and its alignment health. Teams are grouped by their department ("No department" last).
 */
import { alignmentHealth, type AlignmentHealth } from './alignment-health.js';
import type { ProgressStatus } from '../vocabulary.js';

export interface HeatmapObjective {
  teamId: string;
  progress: number;
  expectedProgress: number;
  progressStatus: ProgressStatus;
  aligned: boolean;
  standaloneReason: string | null;
  /** The quality coach's score (0–100). */
  quality: number;
}

export interface TeamPunctuality {
  due: number;
  onTime: number;
}

export interface HeatmapTeam {
  teamId: string;
  name: string;
  departmentId: string | null;
  objectives: number;
  statusCounts: Record<ProgressStatus, number>;
  /** Mean progress and mean expected progress of its objectives, and the first less the second (behind pace < 0). */
  progress: number;
  expectedProgress: number;
  paceGap: number;
  checkIns: TeamPunctuality & { onTimeShare: number | null };
  qualityScore: number;
  alignmentHealth: AlignmentHealth;
}

const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** One team's cell row; null when it has no published objective in the cycle. */
export function heatmapTeam(
  team: { id: string; name: string; departmentId: string | null },
  objectives: readonly HeatmapObjective[],
  punctuality: TeamPunctuality,
): HeatmapTeam | null {
  if (objectives.length === 0) return null;
  const statusCounts = { on_track: 0, at_risk: 0, off_track: 0 };
  for (const o of objectives) statusCounts[o.progressStatus]++;
  const progress = mean(objectives.map((o) => o.progress));
  const expectedProgress = mean(objectives.map((o) => o.expectedProgress));
  return {
    teamId: team.id,
    name: team.name,
    departmentId: team.departmentId,
    objectives: objectives.length,
    statusCounts,
    progress: round(progress),
    expectedProgress: round(expectedProgress),
    paceGap: round(progress - expectedProgress),
    checkIns: { ...punctuality, onTimeShare: punctuality.due === 0 ? null : round(punctuality.onTime / punctuality.due) },
    qualityScore: Math.round(mean(objectives.map((o) => o.quality))),
    alignmentHealth: alignmentHealth(objectives.map((o) => ({ ...o, published: true }))),
  };
}

/** Teams grouped by department, departments by name with "No department" (null) last, teams by name within. */
export function groupByDepartment(rows: readonly HeatmapTeam[], departmentName: (id: string) => string) {
  const groups = new Map<string | null, HeatmapTeam[]>();
  for (const row of rows) groups.set(row.departmentId, [...(groups.get(row.departmentId) ?? []), row]);
  return [...groups]
    .map(([id, teams]) => ({
      departmentId: id,
      name: id === null ? 'No department' : departmentName(id),
      teams: [...teams].sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => (a.departmentId === null ? 1 : b.departmentId === null ? -1 : a.name.localeCompare(b.name)));
}

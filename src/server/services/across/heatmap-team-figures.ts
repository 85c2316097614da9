/**
 * Each team's heatmap figures, remembered per team between reads: a team's figures are a function of its kept
 * objective facts (the same array while its token stands, heatmap-team-facts.ts), the objectives this reader sees of
 * them, the date, the cycle's dates and status, the status margins, the quality principles, the cycle's aspirational
 * share and number, the team's cadence and which of its owners hold too many objectives. All of that makes the key
 * a remembered figure is reused under, so a read after a few writes computes only the teams written.
 */
import { heatmapTeam, type HeatmapObjective, type HeatmapTeam } from '../../../domain/across/heatmap.js';
import type { QualityPrinciples } from '../../../domain/quality/index.js';
import type { CheckInCadence } from '../../../domain/vocabulary.js';
import type { Database } from '../../../db/database.js';
import type { cycles } from '../../../db/schema/index.js';
import type { PaceContext } from './cycle-facts.js';
import type { KeptObjectiveFacts } from './heatmap-facts.js';
import { punctualityOfObjectives } from './heatmap-punctuality.js';
import { heatmapQualityScores, type CycleQualityCounts } from './heatmap-quality.js';
import type { VisibleTeam } from './heatmap-team-facts.js';

type CycleRow = typeof cycles.$inferSelect;
export type TeamFigures = Omit<HeatmapTeam, 'teamId' | 'name' | 'departmentId'>;

interface Remembered {
  kept: readonly KeptObjectiveFacts[];
  key: string;
  figures: TeamFigures;
}

const KEPT_CYCLES = 8;
const remembered = new Map<string, Map<string, Remembered>>();

export interface FigureInputs {
  pace: PaceContext;
  principles: QualityPrinciples;
  counts: CycleQualityCounts;
  cadenceOf: Map<string, CheckInCadence>;
  /** Progress as of a past date (the heatmap's asOf): figures made with it are not remembered. */
  snapshot: ReadonlyMap<string, number> | null;
}

/** What a team's figures depend on besides its kept facts. */
function keyOf(base: string, teamId: string, team: VisibleTeam, inputs: FigureInputs): string {
  const owners = new Set<string>();
  for (const o of team.visible) if (o.ownerId && inputs.counts.overloaded.has(o.ownerId)) owners.add(o.ownerId);
  const seen = team.visible === team.kept ? '' : team.visible.map((o) => o.id).join(',');
  return `${base}|${inputs.cadenceOf.get(teamId) ?? ''}|${[...owners].sort().join(',')}|${seen}`;
}

/** Every team's figures (teams the reader sees nothing of are left out), computing only those not remembered. */
export async function teamFigures(
  db: Database,
  orgId: string,
  cycle: CycleRow,
  teams: Map<string, VisibleTeam>,
  inputs: FigureInputs,
): Promise<Map<string, TeamFigures>> {
  const { pace, principles, counts, snapshot } = inputs;
  const cacheKey = `${orgId}:${cycle.id}`;
  const memo = remembered.get(cacheKey) ?? new Map<string, Remembered>();
  const base = JSON.stringify([
    pace.date,
    cycle.startDate,
    cycle.endDate,
    cycle.status,
    pace.margins,
    principles,
    counts.share,
    counts.cycleNumber,
  ]);
  const figures = new Map<string, TeamFigures>();
  const next = new Map<string, Remembered>();
  const toCompute: [string, VisibleTeam, string][] = [];
  for (const [teamId, team] of teams) {
    if (team.visible.length === 0) continue;
    const key = snapshot ? '' : keyOf(base, teamId, team, inputs);
    const hit = memo.get(teamId);
    if (!snapshot && hit && hit.kept === team.kept && hit.key === key) {
      figures.set(teamId, hit.figures);
      next.set(teamId, hit);
    } else toCompute.push([teamId, team, key]);
  }
  if (toCompute.length > 0) {
    const facts = toCompute.flatMap(([, team]) => team.visible);
    const [punctuality, quality] = await Promise.all([
      punctualityOfObjectives(db, orgId, facts, cycle, pace.date, inputs.cadenceOf),
      heatmapQualityScores(db, orgId, cycle, facts, counts, inputs.cadenceOf, pace, principles),
    ]);
    for (const [teamId, team, key] of toCompute) {
      const due = { due: 0, onTime: 0 };
      const objectives = team.visible.map((row): HeatmapObjective => {
        const one = punctuality.get(row.id)!;
        due.due += one.due;
        due.onTime += one.onTime;
        const progress = snapshot?.get(row.id) ?? row.progress;
        return {
          teamId,
          progress,
          ...pace.pace({ progress, effectiveStartDate: row.effectiveStartDate }),
          aligned: row.aligned,
          standaloneReason: row.standaloneReason,
          quality: quality.get(row.id) ?? 100,
        };
      });
      const {
        teamId: _id,
        name: _name,
        departmentId: _department,
        ...computed
      } = heatmapTeam({ id: teamId, name: '', departmentId: null }, objectives, due)!;
      figures.set(teamId, computed);
      // Scored here for want of a kept penalty: its token changes with the penalty kept, so it is read again anyway.
      if (!snapshot && team.visible.every((o) => o.keptPenalty !== null)) next.set(teamId, { kept: team.kept, key, figures: computed });
    }
  }
  if (!snapshot) {
    remembered.delete(cacheKey);
    remembered.set(cacheKey, next);
    if (remembered.size > KEPT_CYCLES) remembered.delete(remembered.keys().next().value!);
  }
  return figures;
}

/** Drops every remembered figure (tests compare a remembered read with one from scratch). */
export function forgetTeamFigures(): void {
  remembered.clear();
}

import { describe, expect, it } from 'vitest';
import { groupByDepartment, heatmapTeam, type HeatmapObjective } from './heatmap.js';

const objective = (o: Partial<HeatmapObjective>): HeatmapObjective => ({
  teamId: 't',
  progress: 0.5,
  expectedProgress: 0.5,
  progressStatus: 'on_track',
  aligned: true,
  standaloneReason: null,
  quality: 100,
  ...o,
});
const team = { id: 't', name: 'Platform', departmentId: 'd' };

describe('heatmapTeam', () => {
  it('has no row without published objectives', () => expect(heatmapTeam(team, [], { due: 0, onTime: 0 })).toBeNull());

  it('counts statuses, averages pace and quality, shares on-time check-ins and alignment', () => {
    const row = heatmapTeam(
      team,
      [
        objective({ progress: 0.2, expectedProgress: 0.5, progressStatus: 'off_track', quality: 70 }),
        objective({ progress: 0.6, expectedProgress: 0.5, aligned: false, quality: 85 }),
        objective({ progress: 0.4, expectedProgress: 0.5, progressStatus: 'at_risk', aligned: false, standaloneReason: 'Run' }),
      ],
      { due: 4, onTime: 3 },
    );
    expect(row).toEqual({
      teamId: 't',
      name: 'Platform',
      departmentId: 'd',
      objectives: 3,
      statusCounts: { on_track: 1, at_risk: 1, off_track: 1 },
      progress: 0.4,
      expectedProgress: 0.5,
      paceGap: -0.1,
      checkIns: { due: 4, onTime: 3, onTimeShare: 0.75 },
      qualityScore: 85,
      alignmentHealth: { counted: 3, alignedOrExplained: 2, share: 2 / 3, healthy: false },
    });
  });

  it('has no on-time share while nothing was due', () =>
    expect(heatmapTeam(team, [objective({})], { due: 0, onTime: 0 })!.checkIns.onTimeShare).toBeNull());
});

describe('groupByDepartment', () => {
  it('sorts departments by name, teams by name, and puts teams without a department last', () => {
    const row = (name: string, departmentId: string | null) =>
      heatmapTeam({ id: name, name, departmentId }, [objective({})], { due: 0, onTime: 0 })!;
    const names: Record<string, string> = { s: 'Sales', e: 'Engineering' };
    const groups = groupByDepartment([row('Web', 'e'), row('Solo', null), row('Field', 's'), row('Api', 'e')], (id) => names[id]!);
    expect(groups.map((g) => [g.name, g.teams.map((t) => t.name)])).toEqual([
      ['Engineering', ['Api', 'Web']],
      ['Sales', ['Field']],
      ['No department', ['Solo']],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { departmentMapOfCounts, type CrossingKind } from './department-counts.js';
import { departmentMap } from './department-map.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('departmentMapOfCounts', () => {
  it('equals departmentMap over the entries its counts are grouped from', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      const teams = Array.from({ length: 2 + Math.floor(random() * 12) }, (_, i) => `t${i}`);
      const groups = new Map(teams.map((t) => [t, random() < 0.3 ? t : `d${Math.floor(random() * 4)}`]));
      const groupOf = (t: string) => groups.get(t)!;
      const objectives = Array.from({ length: Math.floor(random() * 60) }, (_, i) => ({
        id: `o${i}`,
        title: '',
        teamId: random() < 0.1 ? null : pick(teams),
      }));
      const ids = objectives.map((o) => o.id);
      const n = (k: number) => (ids.length ? Math.floor(random() * k) : 0);
      const alignments = Array.from({ length: n(80) }, () => ({ child: pick(ids), parent: pick(ids) }));
      const contributions = Array.from({ length: n(20) }, () => ({ objectiveId: pick(ids), teamId: pick(teams) }));
      const dependencies = Array.from({ length: n(20) }, () => ({
        requestingTeamId: random() < 0.2 ? null : pick(teams),
        providingTeamId: pick(teams),
      }));
      const expected = departmentMap({ objectives, groupOf, alignments, contributions, dependencies });

      // Grouped by team as the database groups them, in an order of its own.
      const teamOf = new Map(objectives.map((o) => [o.id, o.teamId]));
      const counts = new Map<string, { kind: CrossingKind; from: string | null; to: string | null; count: number }>();
      const count = (kind: CrossingKind, from: string | null, to: string | null) => {
        const key = `${kind}|${from}|${to}`;
        const row = counts.get(key) ?? { kind, from, to, count: 0 };
        row.count++;
        counts.set(key, row);
      };
      for (const a of alignments) count('alignments', teamOf.get(a.child)!, teamOf.get(a.parent)!);
      for (const c of contributions) count('contributions', c.teamId, teamOf.get(c.objectiveId)!);
      for (const d of dependencies) count('dependencies', d.providingTeamId, d.requestingTeamId);
      const perTeam = new Map<string, number>();
      for (const o of objectives) if (o.teamId) perTeam.set(o.teamId, (perTeam.get(o.teamId) ?? 0) + 1);
      const actual = departmentMapOfCounts({
        objectives: [...perTeam].reverse().map(([teamId, c]) => ({ teamId, count: c })),
        groupOf,
        crossings: [...counts.values()].reverse(),
      });
      expect(actual.edges).toEqual(expected.edges);
      expect(actual.gaps).toEqual(expected.gaps);
      expect(Object.fromEntries(actual.objectiveCount)).toEqual(Object.fromEntries(expected.objectiveCount));
    }
  });
});

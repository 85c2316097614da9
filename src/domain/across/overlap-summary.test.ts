import { describe, expect, it } from 'vitest';
import { overlapSummary } from './overlap-summary.js';
import { closestOverlaps, overlaps, type TitledObjective } from './overlaps.js';

/** A cycle whose titles repeat a few phrases with variations, as generated and real cycles do. */
function cycle(seed: number, size: number, teams: number): TitledObjective[] {
  const vocabulary = ['grow', 'revenue', 'retain', 'customers', 'ship', 'faster', 'cut', 'churn', 'launch', 'europe', 'hire', 'the'];
  const phrases = ['Grow revenue in Europe', 'Retain customers', 'Ship faster', 'Cut churn', 'Hire engineers', '42'];
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: size }, (_, n) => {
    const title =
      next() < 0.5
        ? pick(phrases)
        : Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(vocabulary)).join(' ') + (next() < 0.3 ? ` ${pick(phrases)}` : '');
    return { id: `o${n}`, title, teamId: next() < 0.05 ? null : `t${Math.floor(next() * teams)}` };
  });
}

describe('overlapSummary', () => {
  it.each([
    { seed: 1, size: 400, teams: 12, most: 100 },
    { seed: 2, size: 400, teams: 2, most: 100 },
    { seed: 3, size: 600, teams: 40, most: 7 },
    { seed: 4, size: 300, teams: 5, most: 1 },
    { seed: 5, size: 300, teams: 8, most: 100_000 },
    { seed: 6, size: 250, teams: 1, most: 100 },
    { seed: 7, size: 0, teams: 3, most: 100 },
  ])(
    'counts and lists the closest overlaps as the definition does (seed $seed, $teams teams, $most listed)',
    ({ seed, size, teams, most }) => {
      const objectives = cycle(seed, size, teams);
      const every = overlaps(objectives);
      if (teams > 1 && size > 0) expect(every.length).toBeGreaterThan(most === 100_000 ? 1000 : most);
      expect(overlapSummary(objectives, most)).toEqual({ total: every.length, closest: closestOverlaps(every, most) });
    },
  );

  it('lists ties at one similarity in the cycle order across groups', () => {
    const objectives: TitledObjective[] = [
      { id: 'a', title: 'Cut churn', teamId: 't1' },
      { id: 'b', title: 'Ship faster', teamId: 't1' },
      { id: 'c', title: 'Ship faster', teamId: 't2' },
      { id: 'd', title: 'Cut churn', teamId: 't1' },
      { id: 'e', title: 'Cut churn', teamId: 't3' },
    ];
    expect(overlapSummary(objectives, 3)).toEqual({
      total: 3,
      closest: [
        { a: 'a', b: 'e', similarity: 1 },
        { a: 'b', b: 'c', similarity: 1 },
        { a: 'd', b: 'e', similarity: 1 },
      ],
    });
  });
});

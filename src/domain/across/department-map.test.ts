import { describe, expect, it } from 'vitest';
import { departmentMap } from './department-map.js';
import { overlapSummary } from './overlap-summary.js';
import { closestOverlaps, MOST_OVERLAPS_LISTED, OVERLAP_SIMILARITY, overlaps } from './overlaps.js';
import { jaccard, measureTokens } from '../quality/similarity.js';

const group: Record<string, string> = { platform: 'eng', web: 'eng', field: 'sales', solo: 'solo' };

describe('departmentMap', () => {
  it('counts crossing alignments, contributions and dependencies by hand; finds gaps and overlaps', () => {
    const objectives = [
      { id: 'p1', title: 'Faster deploys', teamId: 'platform' },
      { id: 'w1', title: 'A quicker checkout', teamId: 'web' },
      { id: 'f1', title: 'Win the mid-market segment', teamId: 'field' },
      { id: 's1', title: 'Win mid-market segment', teamId: 'solo' },
      { id: 'c1', title: 'Grow', teamId: null },
    ];
    const map = departmentMap({
      objectives,
      groupOf: (t) => group[t]!,
      alignments: [
        { child: 'p1', parent: 'f1' }, // eng → sales
        { child: 'w1', parent: 'f1' }, // eng → sales
        { child: 'w1', parent: 'p1' }, // inside eng: not counted
        { child: 'f1', parent: 'c1' }, // to the company: not a department
      ],
      contributions: [{ objectiveId: 'p1', teamId: 'field' }], // sales → eng
      dependencies: [{ requestingTeamId: 'field', providingTeamId: 'platform' }], // eng → sales
    });
    expect(map.edges).toEqual([
      { from: 'eng', to: 'sales', alignments: 2, contributions: 0, dependencies: 1, weight: 3 },
      { from: 'sales', to: 'eng', alignments: 0, contributions: 1, dependencies: 0, weight: 1 },
    ]);
    expect(Object.fromEntries(map.objectiveCount)).toEqual({ eng: 2, sales: 1, solo: 1 });
    expect(map.gaps).toEqual(['solo']);
    expect(overlapSummary(objectives, 100)).toEqual({ total: 1, closest: [{ a: 'f1', b: 's1', similarity: expect.any(Number) }] });
  });

  it('finds the same overlaps as comparing every pair, in the same order', () => {
    const vocabulary = [
      'grow',
      'revenue',
      'retain',
      'customers',
      'ship',
      'faster',
      'cut',
      'churn',
      'launch',
      'europe',
      'hire',
      'engineers',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const objectives = Array.from({ length: 300 }, (_, n) => ({
      id: `o${n}`,
      teamId: `t${Math.floor(next() * 12)}`,
      title: Array.from({ length: 2 + Math.floor(next() * 4) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' '),
    }));
    const words = objectives.map((o) => measureTokens(o.title));
    const everyPair: { a: string; b: string; similarity: number }[] = [];
    for (let i = 0; i < objectives.length; i++)
      for (let j = i + 1; j < objectives.length; j++) {
        if (objectives[i]!.teamId === objectives[j]!.teamId || words[i]!.size === 0 || words[j]!.size === 0) continue;
        const similarity = jaccard(words[i]!, words[j]!);
        if (similarity >= OVERLAP_SIMILARITY) everyPair.push({ a: `o${i}`, b: `o${j}`, similarity: Math.round(similarity * 100) / 100 });
      }
    expect(everyPair.length).toBeGreaterThan(100);
    expect(overlaps(objectives)).toEqual(everyPair);
  });
});

describe('closestOverlaps', () => {
  const pair = (a: string, similarity: number) => ({ a, b: `${a}'`, similarity });
  it.each([
    { name: 'most similar first', found: [pair('x', 0.6), pair('y', 1), pair('z', 0.75)], most: 10, want: ['y', 'z', 'x'] },
    { name: 'ties keep the cycle order', found: [pair('x', 0.8), pair('y', 0.8), pair('z', 0.9)], most: 10, want: ['z', 'x', 'y'] },
    { name: 'at most `most`', found: [pair('x', 0.6), pair('y', 0.7), pair('z', 0.8)], most: 2, want: ['z', 'y'] },
    { name: 'none', found: [], most: 5, want: [] },
  ])('$name', ({ found, most, want }) => {
    expect(closestOverlaps(found, most).map((o) => o.a)).toEqual(want);
  });

  it(`lists ${MOST_OVERLAPS_LISTED} of a large set by default, the closest ones`, () => {
    const found = Array.from({ length: 1000 }, (_, i) => pair(`o${i}`, 0.6 + (i % 40) / 100));
    const listed = closestOverlaps(found);
    expect(listed).toHaveLength(MOST_OVERLAPS_LISTED);
    expect(Math.min(...listed.map((o) => o.similarity))).toBeGreaterThanOrEqual(
      Math.max(...found.filter((o) => !listed.includes(o)).map((o) => o.similarity)),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { departmentMap, OVERLAP_SIMILARITY, overlaps } from './department-map.js';
import { jaccard, measureTokens } from '../quality/similarity.js';

const group: Record<string, string> = { platform: 'eng', web: 'eng', field: 'sales', solo: 'solo' };

describe('departmentMap', () => {
  it('counts crossing alignments, contributions and dependencies by hand; finds gaps and overlaps', () => {
    const map = departmentMap({
      objectives: [
        { id: 'p1', title: 'Faster deploys', teamId: 'platform' },
        { id: 'w1', title: 'A quicker checkout', teamId: 'web' },
        { id: 'f1', title: 'Win the mid-market segment', teamId: 'field' },
        { id: 's1', title: 'Win mid-market segment', teamId: 'solo' },
        { id: 'c1', title: 'Grow', teamId: null },
      ],
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
    expect(map.overlaps).toEqual([{ a: 'f1', b: 's1', similarity: expect.any(Number) }]);
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

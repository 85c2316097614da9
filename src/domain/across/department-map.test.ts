import { describe, expect, it } from 'vitest';
import { departmentMap } from './department-map.js';

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
});

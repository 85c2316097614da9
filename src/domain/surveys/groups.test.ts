import { describe, expect, it } from 'vitest';
import { reportGroups, type TeamNode } from './groups.js';

// Sales (department) ⊃ North, South; Tech (department) ⊃ Web.
const TEAMS: TeamNode[] = [
  { id: 'sales', parentId: null },
  { id: 'north', parentId: 'sales' },
  { id: 'south', parentId: 'sales' },
  { id: 'tech', parentId: null },
  { id: 'web', parentId: 'tech' },
];

const counts = (entries: [string | null, number][]) => new Map(entries);

describe('reportGroups', () => {
  it.each([
    {
      name: 'every team at the threshold is shown as itself',
      responses: counts([
        ['north', 5],
        ['south', 5],
        ['web', 6],
      ]),
      // Departments without members of their own have nothing to show and point to the (hidden) organisation.
      shownAs: { north: 'north', south: 'south', web: 'web', sales: undefined, tech: undefined, org: undefined },
      shown: { north: 5, south: 5, web: 6 },
    },
    {
      name: 'small teams merge into their department',
      responses: counts([
        ['north', 3],
        ['south', 2],
        ['web', 5],
      ]),
      shownAs: { north: 'sales', south: 'sales', web: 'web', sales: 'sales', tech: undefined, org: undefined },
      shown: { sales: 5, web: 5 },
    },
    {
      name: 'a small department merges further into the organisation',
      responses: counts([
        ['north', 2],
        ['web', 5],
        [null, 3],
      ]),
      shownAs: { north: null, south: null, sales: null, web: 'web', tech: null, org: null },
      shown: { web: 5, org: 5 },
    },
    {
      name: 'when even the organisation is below the threshold nothing small is shown',
      responses: counts([
        ['north', 2],
        ['south', 2],
      ]),
      shownAs: { north: undefined, south: undefined, sales: undefined, web: undefined, tech: undefined, org: undefined },
      shown: {},
    },
  ])('$name', ({ responses, shownAs, shown }) => {
    const result = reportGroups(TEAMS, responses, 5);
    const got = Object.fromEntries([...result.shownAs].map(([id, as]) => [id ?? 'org', as]));
    expect(got).toEqual(shownAs);
    expect(Object.fromEntries([...result.counts].map(([id, n]) => [id ?? 'org', n]))).toEqual(shown);
  });

  it('uses the organisation threshold, not a fixed five', () => {
    const result = reportGroups(TEAMS, counts([['north', 3]]), 3);
    expect(result.shownAs.get('north')).toBe('north');
  });
});

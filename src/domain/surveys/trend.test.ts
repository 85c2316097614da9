import { describe, expect, it } from 'vitest';
import { reportGroups, type TeamNode } from './groups.js';
import { trendFigures, type TrendTally } from './trend.js';

// Sales (department) ⊃ North, South; Tech (department) ⊃ Web.
const TEAMS: TeamNode[] = [
  { id: 'sales', parentId: null },
  { id: 'north', parentId: 'sales' },
  { id: 'south', parentId: 'sales' },
  { id: 'tech', parentId: null },
  { id: 'web', parentId: 'tech' },
];
const MINIMUM = 5;

/** Every respondent's score on one question, per team. */
type Scores = [string | null, number[]][];
const tallies = (scores: Scores): TrendTally[] =>
  scores.map(([teamId, s]) => ({ teamId, position: 0, theme: 'clarity', answered: s.length, sum: s.reduce((a, b) => a + b, 0) }));
const counts = (scores: Scores) => new Map(scores.map(([teamId, s]) => [teamId, s.length] as const));

/**
 * The attack: what the results page shows (each shown group's responses and score sum) taken away from what the
 * trend shows (its average times the responses it counts). Whatever is left belongs to groups that are not shown.
 */
function subtractionAttack(scores: Scores, trend: { counted: number; average: number }) {
  const { shownAs, counts: shownCounts } = reportGroups(TEAMS, counts(scores), MINIMUM);
  let shownN = 0;
  let shownSum = 0;
  for (const [teamId, s] of scores)
    if (shownAs.get(teamId) !== undefined) {
      shownN += s.length;
      shownSum += s.reduce((a, b) => a + b, 0);
    }
  expect(shownN).toBe([...shownCounts.values()].reduce((a, b) => a + b, 0));
  return { n: trend.counted - shownN, sum: Math.round(trend.average * trend.counted - shownSum) };
}

describe('trendFigures', () => {
  // North is shown (5); South (2) merges into Sales, which with 2 stays below 5, as does the organisation: hidden.
  const scores: Scores = [
    ['north', [5, 4, 4, 3, 5]],
    ['south', [1, 1]],
  ];

  it('an average over every response would give a hidden group away by subtraction (the bug this prevents)', () => {
    const all = scores.flatMap(([, s]) => s);
    const naive = { counted: all.length, average: all.reduce((a, b) => a + b, 0) / all.length };
    // 7 responses ≥ 5, so the old trend showed this average; taking North away leaves South's two scores of 1.
    expect(subtractionAttack(scores, naive)).toEqual({ n: 2, sum: 2 });
  });

  it('counts only the shown groups, so the subtraction leaves nothing', () => {
    const trend = trendFigures(TEAMS, counts(scores), tallies(scores), MINIMUM);
    expect(trend).toEqual({ counted: 5, averages: [{ position: 0, theme: 'clarity', average: 4.2 }] });
    expect(subtractionAttack(scores, { counted: trend.counted, average: trend.averages[0]!.average })).toEqual({ n: 0, sum: 0 });
  });

  it('holds for every split of a round between teams: what is left over is never a group below the threshold', () => {
    const places: (string | null)[] = ['north', 'south', 'web', 'sales', null];
    for (let seed = 1; seed <= 300; seed++) {
      let state = seed;
      const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
      const scores: Scores = places.map((teamId) => [
        teamId,
        Array.from({ length: Math.floor(next() * 8) }, () => 1 + Math.floor(next() * 5)),
      ]);
      const trend = trendFigures(TEAMS, counts(scores), tallies(scores), MINIMUM);
      const left = subtractionAttack(scores, { counted: trend.counted, average: trend.averages[0]?.average ?? 0 });
      expect(left.n).toBe(0);
      expect(trend.counted === 0 || trend.counted >= MINIMUM).toBe(true);
    }
  });

  it('shows every response once the organisation itself is shown', () => {
    const scores: Scores = [
      ['north', [5, 4, 4, 3, 5]],
      ['south', [1, 1]],
      [null, [2, 3, 3]],
    ];
    const trend = trendFigures(TEAMS, counts(scores), tallies(scores), MINIMUM);
    expect(trend.counted).toBe(10);
    expect(trend.averages).toEqual([{ position: 0, theme: 'clarity', average: 3.1 }]);
  });

  it('shows nothing for a round where no group reaches the threshold', () => {
    const scores: Scores = [['north', [5, 4]]];
    expect(trendFigures(TEAMS, counts(scores), tallies(scores), MINIMUM)).toEqual({ counted: 0, averages: [] });
  });
});

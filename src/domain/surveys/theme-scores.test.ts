import { describe, expect, it } from 'vitest';
import { themeScores, type ThemeTally } from './theme-scores.js';

// Sales (a department) with North under it, and Ops; threshold 5.
const TEAMS = [
  { id: 'sales', parentId: null },
  { id: 'north', parentId: 'sales' },
  { id: 'ops', parentId: null },
];
const tally = (teamId: string | null, scores: number[]): ThemeTally => ({
  teamId,
  responses: scores.length,
  answered: scores.length,
  sum: scores.reduce((a, b) => a + b, 0),
});
// Sales 5 answers (sum 21), North 2 (sum 4: merged into Sales), Ops 2 (merged into the organisation, which has
// only those 2 of its own: never shown).
const scoreOf = themeScores(TEAMS, [tally('sales', [5, 4, 4, 3, 5]), tally('north', [2, 2]), tally('ops', [1, 1])], 5);

describe('themeScores', () => {
  it.each([
    ['a team shown with the small team merged into it', ['sales'], { average: 3.57, responses: 7, groupIds: ['sales'], merged: true }],
    ['a small team: its parent’s figure, marked merged', ['north'], { average: 3.57, responses: 7, groupIds: ['sales'], merged: true }],
    [
      'a department with its teams: nothing from outside',
      ['sales', 'north'],
      { average: 3.57, responses: 7, groupIds: ['sales'], merged: false },
    ],
    ['a team merged into an organisation below the threshold: nothing', ['ops'], null],
    [
      'everyone: only the shown groups',
      [null, 'sales', 'north', 'ops'],
      { average: 3.57, responses: 7, groupIds: ['sales'], merged: false },
    ],
  ] as const)('%s', (_name, teamIds, expected) => {
    expect(scoreOf(teamIds)).toEqual(expected);
  });

  it('pools disjoint shown groups for a leader of two teams', () => {
    const both = themeScores(TEAMS, [tally('sales', [5, 5, 5, 5, 5]), tally('ops', [1, 1, 1, 1, 1])], 5);
    expect(both(['sales', 'ops'])).toEqual({ average: 3, responses: 10, groupIds: ['sales', 'ops'], merged: false });
  });

  it('has no average when the theme question went unanswered', () => {
    const silent = themeScores(TEAMS, [{ teamId: 'ops', responses: 5, answered: 0, sum: 0 }], 5);
    expect(silent(['ops'])).toEqual({ average: null, responses: 5, groupIds: ['ops'], merged: false });
  });
});

import { describe, expect, it } from 'vitest';
import { hideOtherNames, measureOf, rankLeaderboard, sameMomentIn, type LeaderboardTeam } from './leaderboard.js';

const team = (name: string, t: Partial<LeaderboardTeam>): LeaderboardTeam => ({
  teamId: name.toLowerCase(),
  name,
  paceGap: 0,
  onTimeShare: null,
  previousPaceGap: null,
  ...t,
});

describe('measureOf', () => {
  it.each([
    ['pace', { paceGap: -0.12 }, -0.12],
    ['discipline', { onTimeShare: 0.75 }, 0.75],
    ['discipline', { onTimeShare: null }, null],
    ['improvement', { paceGap: -0.1, previousPaceGap: -0.3 }, 0.2],
    ['improvement', { paceGap: 0.1, previousPaceGap: null }, null],
  ] as const)('%s of %o is %s', (measure, facts, expected) => {
    expect(measureOf(team('A', facts), measure)).toBe(expected);
  });
});

describe('rankLeaderboard', () => {
  const teams = [
    team('Sales', { paceGap: 0.05, onTimeShare: 0.5, previousPaceGap: 0.2 }),
    team('Platform', { paceGap: -0.2, onTimeShare: 1, previousPaceGap: -0.5 }),
    team('Design', { paceGap: 0.05, onTimeShare: null, previousPaceGap: null }),
    team('Apps', { paceGap: 0.1, onTimeShare: 0.9 }),
  ];

  it('ranks by pace, best first; equal values share a rank, ties by name', () => {
    expect(rankLeaderboard(teams, 'pace').map((e) => [e.rank, e.name])).toEqual([
      [1, 'Apps'],
      [2, 'Design'],
      [2, 'Sales'],
      [4, 'Platform'],
    ]);
  });

  it('ranks by discipline; a team with nothing due yet is listed last, unranked', () => {
    expect(rankLeaderboard(teams, 'discipline').map((e) => [e.rank, e.name])).toEqual([
      [1, 'Platform'],
      [2, 'Apps'],
      [3, 'Sales'],
      [null, 'Design'],
    ]);
  });

  it('ranks by improvement on the previous cycle: the team behind pace that improved most leads', () => {
    const ranked = rankLeaderboard(teams, 'improvement');
    expect(ranked.map((e) => [e.rank, e.name, e.value])).toEqual([
      [1, 'Platform', 0.3],
      [2, 'Sales', -0.15],
      [null, 'Apps', null],
      [null, 'Design', null],
    ]);
  });
});

describe('hideOtherNames', () => {
  it("keeps the viewer's own teams and hides every other name and id", () => {
    const hidden = hideOtherNames(rankLeaderboard(teams(), 'pace'), new Set(['sales']));
    expect(hidden.map((e) => [e.rank, e.name, e.teamId])).toEqual([
      [1, 'Another team', ''],
      [2, 'Sales', 'sales'],
    ]);
  });
  const teams = () => [team('Apps', { paceGap: 0.1 }), team('Sales', { paceGap: 0 })];
});

describe('sameMomentIn', () => {
  const q4 = { startDate: '2026-10-01', endDate: '2026-12-31' };
  const q3 = { startDate: '2026-07-01', endDate: '2026-09-30' };
  it.each([
    ['2026-10-01', '2026-07-01'],
    ['2026-11-15', '2026-08-15'],
    ['2026-12-31', '2026-09-30'],
    ['2027-02-01', '2026-09-30'],
    ['2026-09-01', '2026-07-01'],
  ])('%s in Q4 is %s in Q3', (date, expected) => expect(sameMomentIn(q4, q3, date)).toBe(expected));
});

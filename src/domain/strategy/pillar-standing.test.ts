import { describe, expect, it } from 'vitest';
import { pillarStanding, strategyStanding, type ServingObjective } from './pillar-standing.js';

const objective = (id: string, fields: Partial<ServingObjective> = {}): ServingObjective => ({
  id,
  teamId: 't',
  pillarId: 'p1',
  progress: 0.5,
  expectedProgress: 0.5,
  progressStatus: 'on_track',
  ...fields,
});

describe('pillarStanding', () => {
  it.each([
    [
      'nothing serves it',
      [],
      { objectiveCount: 0, progress: null, expectedProgress: null, paceGap: null, unserved: true },
      { on_track: 0, at_risk: 0, off_track: 0 },
    ],
    [
      'two objectives: means and the gap to pace',
      [objective('a', { progress: 0.2, expectedProgress: 0.5, progressStatus: 'off_track' }), objective('b', { progress: 0.6 })],
      { objectiveCount: 2, progress: 0.4, expectedProgress: 0.5, unserved: false },
      { on_track: 1, at_risk: 0, off_track: 1 },
    ],
  ])('%s', (_, serving, expected, counts) => {
    const standing = pillarStanding(serving);
    expect(standing).toMatchObject(expected);
    expect(standing.statusCounts).toEqual(counts);
    if (standing.paceGap !== null) expect(standing.paceGap).toBeCloseTo(-0.1);
  });
});

describe('strategyStanding', () => {
  it('groups by pillar, ignores unknown pillars and calls out company objectives serving none', () => {
    const result = strategyStanding(
      ['p1', 'p2'],
      [
        objective('a'),
        objective('company-without', { teamId: null, pillarId: null }),
        objective('company-with', { teamId: null, pillarId: 'p1' }),
        objective('team-without', { pillarId: null }),
        objective('elsewhere', { pillarId: 'gone' }),
      ],
    );
    expect(result.pillars.get('p1')!.objectiveCount).toBe(2);
    expect(result.pillars.get('p2')!.unserved).toBe(true);
    expect(result.companyWithoutPillar).toEqual(['company-without']);
  });
});

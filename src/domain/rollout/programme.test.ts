import { describe, expect, it } from 'vitest';
import { blindSpots, phaseProgress, ROLLOUT_FOCI, type RolloutFocus } from './programme.js';

describe('blindSpots', () => {
  const cases: { foci: RolloutFocus[]; missing: RolloutFocus[] }[] = [
    { foci: [], missing: ['strategy', 'process', 'people'] },
    { foci: ['strategy'], missing: ['process', 'people'] },
    { foci: ['process', 'process'], missing: ['strategy', 'people'] },
    { foci: ['people', 'strategy'], missing: ['process'] },
    { foci: ['strategy', 'process', 'people'], missing: [] },
  ];
  it.each(cases)('a team covering $foci misses $missing', ({ foci, missing }) => {
    expect(blindSpots(foci).map((s) => s.focus)).toEqual(missing);
  });

  it('names at least one risk for every focus', () => {
    for (const spot of blindSpots([])) expect(spot.risks.length).toBeGreaterThan(0);
    expect(blindSpots([]).length).toBe(ROLLOUT_FOCI.length);
  });
});

describe('phaseProgress', () => {
  it.each([
    { done: [], expected: 0 },
    { done: [true, false, true], expected: 2 },
    { done: [true, true, true, true, true], expected: 5 },
  ])('counts $expected done of five', ({ done, expected }) => {
    expect(phaseProgress(done)).toEqual({ done: expected, total: 5 });
  });
});

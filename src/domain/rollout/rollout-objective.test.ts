import { describe, expect, it } from 'vitest';
import { ROLLOUT_FIGURES, ROLLOUT_KEY_RESULTS, rolloutValue } from './rollout-objective.js';

describe('the rollout objective', () => {
  it.each([
    ['on_time_check_ins', 0.667, 66.7],
    ['retrospective_completion', 1, 100],
    ['clarity', 3.571, 3.57],
    ['leadership_support', 4, 4],
  ] as const)('%s %f becomes %f', (figure, raw, value) => expect(rolloutValue(figure, raw)).toBe(value));

  it('plans one key result per figure, each with a start different from its target', () => {
    expect(ROLLOUT_KEY_RESULTS.map((k) => k.figure)).toEqual([...ROLLOUT_FIGURES]);
    for (const k of ROLLOUT_KEY_RESULTS) expect(k.startValue).not.toBe(k.targetValue);
  });
});

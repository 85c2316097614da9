import { describe, it, expect } from 'vitest';
import { SUCCESS_THRESHOLDS, gradeColour, isObjectiveSuccessful, objectiveVerdict, type GradeColour } from './grading.js';
import type { ObjectiveType } from './vocabulary.js';

describe('isObjectiveSuccessful', () => {
  it.each<[number, ObjectiveType, boolean]>([
    [1, 'committed', true],
    [0.99, 'committed', false],
    [0.7, 'committed', false],
    [0, 'committed', false],
    [1, 'aspirational', true],
    [0.7, 'aspirational', true],
    [0.69, 'aspirational', false],
    [(0.7 * 3) / 3, 'aspirational', true], // 0.6999999999999998 in floats
    [(1 / 49) * 49, 'committed', true], // 0.9999999999999999 in floats
    [0, 'aspirational', false],
  ])('score %s, %s → %s', (score, type, expected) => {
    expect(isObjectiveSuccessful(score, type)).toBe(expected);
  });

  it('thresholds are 1.0 and 0.7', () => {
    expect(SUCCESS_THRESHOLDS).toEqual({ committed: 1, aspirational: 0.7 });
  });

  it('refuses a non-finite score', () => {
    expect(() => isObjectiveSuccessful(Number.NaN, 'committed')).toThrow(RangeError);
  });
});

describe('gradeColour', () => {
  it.each<[number, GradeColour]>([
    [1, 'green'],
    [0.7, 'green'],
    [0.69, 'yellow'],
    [0.4, 'yellow'],
    [0.39, 'red'],
    [0, 'red'],
    [(0.7 * 3) / 3, 'green'], // 0.6999999999999998 in floats
    [1.2, 'green'], // overachievement, if a caller grades achievement
  ])('%s → %s', (score, colour) => {
    expect(gradeColour(score)).toBe(colour);
  });

  it('refuses NaN', () => {
    expect(() => gradeColour(Number.NaN)).toThrow(RangeError);
  });
});

describe('objectiveVerdict', () => {
  it.each([
    [1.0, 'committed', 'met'],
    [0.99, 'committed', 'missed'],
    [0.7, 'aspirational', 'met'],
    [0.69, 'aspirational', 'missed'],
    [1.2, 'aspirational', 'met'],
    [null, 'committed', null],
  ] as const)('score %s, %s: %s', (score, type, verdict) => {
    expect(objectiveVerdict(score, type)).toBe(verdict);
  });
});

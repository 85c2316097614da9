import { describe, it, expect } from 'vitest';
import type { ProgressDriver } from './vocabulary.js';
import { keyResultScore, objectiveScore, roundScore, validateScoreOverride, type ScoreOverride } from './scoring.js';

describe('roundScore', () => {
  it.each([
    [0.675, 0.68],
    [0.575, 0.58], // naive Math.round(x * 100) / 100 gives 0.57
    [0.145, 0.15], // naive gives 0.14
    [0.674999, 0.67],
    [0.7, 0.7],
    [1 / 3, 0.33],
    [0, 0],
    [1, 1],
    [0.995, 1],
  ])('%s → %s', (value, expected) => {
    expect(roundScore(value)).toBe(expected);
  });
});

describe('keyResultScore', () => {
  it.each([
    [0.675, 0.68],
    [1, 1],
    [0, 0],
    [0.333333, 0.33],
  ])('progress %s at endDate scores %s', (progress, expected) => {
    expect(keyResultScore(progress)).toEqual({
      score: expected,
      computedScore: expected,
      override: null,
    });
  });

  it('an override replaces the score and keeps the computed one', () => {
    const override = { score: 0.9, reason: 'Target became moot after the merger' };
    expect(keyResultScore(0.4, override)).toEqual({ score: 0.9, computedScore: 0.4, override });
  });

  it('an override is rounded like any score', () => {
    expect(keyResultScore(0.4, { score: 0.125, reason: 'partial credit' }).score).toBe(0.13);
  });

  it.each([[1.2], [-0.1], [Number.NaN]])('refuses progress %s outside 0–1', (progress) => {
    expect(() => keyResultScore(progress)).toThrow(RangeError);
  });

  it.each<[string, ScoreOverride]>([
    ['score above 1', { score: 1.1, reason: 'overdelivered' }],
    ['negative score', { score: -0.1, reason: 'made it worse' }],
    ['empty reason', { score: 0.5, reason: '' }],
    ['blank reason', { score: 0.5, reason: '   ' }],
  ])('refuses an override with %s', (_name, override) => {
    expect(() => keyResultScore(0.5, override)).toThrow(RangeError);
  });
});

describe('validateScoreOverride', () => {
  it.each<[ScoreOverride, string[]]>([
    [{ score: 0, reason: 'abandoned' }, []],
    [{ score: 1, reason: 'done another way' }, []],
    [{ score: 1.01, reason: 'x' }, ['score']],
    [{ score: -0.5, reason: 'x' }, ['score']],
    [{ score: Number.NaN, reason: 'x' }, ['score']],
    [{ score: 0.5, reason: ' ' }, ['reason']],
    [{ score: 2, reason: '' }, ['score', 'reason']],
  ])('%o → problems on %o', (override, fields) => {
    expect(validateScoreOverride(override).map((p) => p.field)).toEqual(fields);
  });
});

describe('objectiveScore', () => {
  const keyResults = [
    { score: 1, weight: 1 },
    { score: 0.35, weight: 1 },
  ];
  const alignedObjectives = [{ score: 0.2, weight: 2 }];

  it.each<[ProgressDriver, number]>([
    ['key_results', 0.68], // 0.675 rounded half up
    ['aligned', 0.2],
    ['both', 0.44], // (1 + 0.35 + 0.4) / 4 = 0.4375
  ])('driver %s → %s', (driver, expected) => {
    expect(objectiveScore({ driver, keyResults, alignedObjectives })).toBe(expected);
  });

  it('is 0 with nothing to score', () => {
    expect(objectiveScore({ driver: 'both', keyResults: [], alignedObjectives: [] })).toBe(0);
  });

  it('refuses a zero weight with a RangeError', () => {
    expect(() =>
      objectiveScore({
        driver: 'key_results',
        keyResults: [{ score: 1, weight: 0 }],
        alignedObjectives: [],
      }),
    ).toThrow(RangeError);
  });
});

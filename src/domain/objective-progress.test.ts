import { describe, it, expect } from 'vitest';
import { objectiveProgress, progressItems } from './objective-progress.js';
import type { ProgressDriver } from './vocabulary.js';

const keyResults = [
  { progress: 1, weight: 1 },
  { progress: 0.5, weight: 1 },
]; // mean 0.75, total weight 2
const alignedObjectives = [{ progress: 0, weight: 2 }]; // mean 0, total weight 2

describe('objectiveProgress', () => {
  it.each<[ProgressDriver, number]>([
    ['key_results', 0.75],
    ['aligned', 0],
    // one pool: (1·1 + 0.5·1 + 0·2) / 4, not the mean of the two group means
    ['both', 0.375],
  ])('driver %s → %s', (driver, expected) => {
    expect(objectiveProgress({ driver, keyResults, alignedObjectives })).toBeCloseTo(expected, 12);
  });

  it.each<[string, ProgressDriver, number]>([
    ['weighted key results', 'key_results', 0.8],
    ['weighted aligned', 'aligned', 0.3],
  ])('%s use the item weights', (_name, driver, expected) => {
    const input = {
      driver,
      keyResults: [
        { progress: 1, weight: 3 },
        { progress: 0.2, weight: 1 },
      ],
      alignedObjectives: [
        { progress: 0.6, weight: 1 },
        { progress: 0.2, weight: 3 },
      ],
    };
    expect(objectiveProgress(input)).toBeCloseTo(expected, 12);
  });

  it.each<[ProgressDriver]>([['key_results'], ['aligned'], ['both']])('driver %s with nothing to average → 0', (driver) => {
    expect(objectiveProgress({ driver, keyResults: [], alignedObjectives: [] })).toBe(0);
  });

  it('key_results ignores aligned objectives entirely', () => {
    expect(
      objectiveProgress({
        driver: 'key_results',
        keyResults: [],
        alignedObjectives: [{ progress: 1, weight: 1 }],
      }),
    ).toBe(0);
  });

  it.each<[string, ProgressDriver, number]>([
    ['zero key result weight', 'key_results', 0],
    ['negative key result weight', 'both', -1],
    ['NaN key result weight', 'key_results', Number.NaN],
  ])('refuses %s with a RangeError', (_name, driver, weight) => {
    expect(() =>
      objectiveProgress({
        driver,
        keyResults: [{ progress: 0.5, weight }],
        alignedObjectives: [],
      }),
    ).toThrow(RangeError);
  });

  it('refuses a zero aligned weight when aligned objectives drive', () => {
    expect(() =>
      objectiveProgress({
        driver: 'aligned',
        keyResults: [],
        alignedObjectives: [{ progress: 0.5, weight: 0 }],
      }),
    ).toThrow(RangeError);
  });

  it('refuses an unclamped achievement passed as progress', () => {
    expect(() =>
      objectiveProgress({
        driver: 'key_results',
        keyResults: [{ progress: 1.5, weight: 1 }],
        alignedObjectives: [],
      }),
    ).toThrow(RangeError);
  });
});

describe('progressItems', () => {
  it.each<[ProgressDriver, number]>([
    ['key_results', 2],
    ['aligned', 1],
    ['both', 3],
  ])('driver %s pools %i items', (driver, count) => {
    expect(progressItems({ driver, keyResults, alignedObjectives })).toHaveLength(count);
  });
});

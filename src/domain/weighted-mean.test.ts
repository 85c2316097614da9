import { describe, it, expect } from 'vitest';
import { isValidWeight, weightedMean, weightedMeanProgress } from './weighted-mean.js';

describe('weightedMean', () => {
  it.each([
    ['empty list', [], 0],
    ['single item', [{ value: 0.4, weight: 1 }], 0.4],
    [
      'equal weights',
      [
        { value: 0.2, weight: 1 },
        { value: 0.6, weight: 1 },
      ],
      0.4,
    ],
    [
      'unequal weights',
      [
        { value: 1, weight: 3 },
        { value: 0, weight: 1 },
      ],
      0.75,
    ],
    [
      'fractional weights',
      [
        { value: 1, weight: 0.5 },
        { value: 0.5, weight: 1.5 },
      ],
      0.625,
    ],
  ])('%s', (_name, items, expected) => {
    expect(weightedMean(items)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses a %s weight with a RangeError', (_name, weight) => {
    expect(() =>
      weightedMean([
        { value: 1, weight: 1 },
        { value: 0.5, weight },
      ]),
    ).toThrow(RangeError);
  });

  it('names the offending item', () => {
    expect(() =>
      weightedMean([
        { value: 1, weight: 1 },
        { value: 1, weight: 0 },
      ]),
    ).toThrow(/items\[1\]\.weight/);
  });

  it('refuses a non-finite value', () => {
    expect(() => weightedMean([{ value: Number.NaN, weight: 1 }])).toThrow(RangeError);
  });
});

describe('weightedMeanProgress', () => {
  it('averages progress by weight', () => {
    expect(
      weightedMeanProgress([
        { progress: 1, weight: 1 },
        { progress: 0.5, weight: 2 },
      ]),
    ).toBeCloseTo(2 / 3, 12);
  });

  it('gives the very number weightedMean gives over the same values and weights', () => {
    const items = [0.1, 0.2, 0.3, 1 / 3, 0.7, 0.05, 0.999].map((progress, i) => ({ progress, weight: [1, 0.3, 2, 0.7, 5, 0.1, 3][i]! }));
    for (let n = 1; n <= items.length; n++) {
      const some = items.slice(0, n);
      expect(Object.is(weightedMeanProgress(some), weightedMean(some.map((x) => ({ value: x.progress, weight: x.weight }))))).toBe(true);
    }
  });

  it('names the weight at fault', () => {
    expect(() =>
      weightedMeanProgress([
        { progress: 0.5, weight: 1 },
        { progress: 0.5, weight: 0 },
      ]),
    ).toThrow('items[1].weight');
  });

  it.each([[1.2], [-0.1]])('refuses progress %s outside 0–1', (progress) => {
    expect(() => weightedMeanProgress([{ progress, weight: 1 }])).toThrow(RangeError);
  });
});

describe('isValidWeight', () => {
  it.each([
    [1, true],
    [0.01, true],
    [0, false],
    [-2, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%s → %s', (weight, expected) => {
    expect(isValidWeight(weight)).toBe(expected);
  });
});

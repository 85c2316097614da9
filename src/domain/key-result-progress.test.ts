import { describe, it, expect } from 'vitest';
import type { MetricKeyResult, Milestone, ThresholdKeyResult } from './key-result.js';
import { keyResultProgress, metricProgress, milestoneProgress, rollupProgress, thresholdProgress } from './key-result-progress.js';

const metric = (startValue: number, targetValue: number, currentValue: number | null) =>
  ({ kind: 'metric', startValue, targetValue, currentValue }) satisfies MetricKeyResult;

describe('metricProgress', () => {
  it.each([
    ['increase, halfway', metric(0, 100, 50), 0.5, 0.5],
    ['increase, from a non-zero start', metric(20, 60, 30), 0.25, 0.25],
    ['decrease, halfway', metric(100, 20, 60), 0.5, 0.5],
    ['decrease, reached', metric(10, 2, 2), 1, 1],
    ['overachievement on increase', metric(0, 100, 150), 1, 1.5],
    ['overachievement on decrease', metric(100, 50, 25), 1, 1.5],
    ['below start on increase', metric(10, 20, 8), 0, -0.2],
    ['above start on decrease', metric(10, 0, 12), 0, -0.2],
    ['no value yet counts as start', metric(10, 20, null), 0, 0],
    ['no value yet on decrease', metric(20, 10, null), 0, 0],
    ['at start', metric(5, 10, 5), 0, 0],
    ['negative numbers', metric(-10, -2, -6), 0.5, 0.5],
  ])('%s', (_name, kr, progress, achievement) => {
    const result = metricProgress(kr);
    expect(result.progress).toBeCloseTo(progress, 12);
    expect(result.achievement).toBeCloseTo(achievement, 12);
  });

  it('never returns −0', () => {
    expect(metricProgress(metric(20, 10, null)).achievement).toBe(0);
  });

  it.each([
    ['equal start and target', metric(10, 10, 10)],
    ['NaN target', metric(0, Number.NaN, 1)],
    ['infinite current', metric(0, 10, Number.POSITIVE_INFINITY)],
  ])('refuses %s with a RangeError', (_name, kr) => {
    expect(() => metricProgress(kr)).toThrow(RangeError);
  });
});

const threshold = (targetMin: number | null, targetMax: number | null, currentValue: number | null): ThresholdKeyResult => ({
  kind: 'threshold',
  targetMin,
  targetMax,
  currentValue,
});

describe('thresholdProgress', () => {
  it.each([
    ['min only, above', threshold(99, null, 99.5), 1],
    ['min only, exactly on the bound', threshold(99, null, 99), 1],
    ['min only, below', threshold(99, null, 98.9), 0],
    ['max only, below', threshold(null, 200, 150), 1],
    ['max only, exactly on the bound', threshold(null, 200, 200), 1],
    ['max only, above', threshold(null, 200, 201), 0],
    ['both, inside', threshold(10, 20, 15), 1],
    ['both, on the lower bound', threshold(10, 20, 10), 1],
    ['both, on the upper bound', threshold(10, 20, 20), 1],
    ['both, below the band', threshold(10, 20, 9), 0],
    ['both, above the band', threshold(10, 20, 21), 0],
    ['min equals max', threshold(5, 5, 5), 1],
    ['no value yet', threshold(10, 20, null), 0],
  ])('%s → %i', (_name, kr, expected) => {
    const result = thresholdProgress(kr);
    expect(result.progress).toBe(expected);
    expect(result.achievement).toBe(expected);
  });

  it('treats omitted bounds like null', () => {
    expect(thresholdProgress({ kind: 'threshold', targetMax: 3, currentValue: 1 }).progress).toBe(1);
  });

  it.each([
    ['no bound at all', threshold(null, null, 5)],
    ['min above max', threshold(20, 10, 15)],
  ])('refuses %s with a RangeError', (_name, kr) => {
    expect(() => thresholdProgress(kr)).toThrow(RangeError);
  });
});

const ms = (weight: number, done: boolean): Milestone => ({ title: `w${weight}`, weight, done });

describe('milestoneProgress', () => {
  it.each([
    ['none done', [ms(1, false), ms(1, false)], 0],
    ['all done', [ms(1, true), ms(2, true)], 1],
    ['equal weights, one of four', [ms(1, true), ms(1, false), ms(1, false), ms(1, false)], 0.25],
    ['heavy one done', [ms(3, true), ms(1, false)], 0.75],
    ['light one done', [ms(3, false), ms(1, true)], 0.25],
    ['fractional weights', [ms(0.5, true), ms(1.5, false)], 0.25],
  ])('%s → %s', (_name, milestones, expected) => {
    const result = milestoneProgress({ kind: 'milestone', milestones });
    expect(result.progress).toBeCloseTo(expected, 12);
    expect(result.achievement).toBeCloseTo(expected, 12);
  });

  it.each([
    ['no milestones', []],
    ['a zero weight', [ms(1, true), ms(0, false)]],
    ['a negative weight', [ms(-1, true)]],
  ])('refuses %s with a RangeError', (_name, milestones) => {
    expect(() => milestoneProgress({ kind: 'milestone', milestones })).toThrow(RangeError);
  });
});

describe('rollupProgress', () => {
  it.each([
    ['no aligned objectives', [], 0],
    ['one', [{ progress: 0.4, weight: 1 }], 0.4],
    [
      'weighted',
      [
        { progress: 1, weight: 1 },
        { progress: 0.2, weight: 3 },
      ],
      0.4,
    ],
  ])('%s → %s', (_name, aligned, expected) => {
    expect(rollupProgress(aligned).progress).toBeCloseTo(expected, 12);
  });

  it.each([[0], [-2]])('refuses weight %s with a RangeError', (weight) => {
    expect(() => rollupProgress([{ progress: 0.5, weight }])).toThrow(RangeError);
  });
});

describe('keyResultProgress dispatches on kind', () => {
  it.each([
    ['metric', metric(0, 10, 5), 0.5],
    ['threshold', threshold(1, null, 2), 1],
    ['milestone', { kind: 'milestone' as const, milestones: [ms(1, true), ms(1, false)] }, 0.5],
    ['rollup', { kind: 'rollup' as const }, 0.3],
  ])('%s', (_name, kr, expected) => {
    const aligned = [{ progress: 0.3, weight: 1 }];
    expect(keyResultProgress(kr, aligned).progress).toBeCloseTo(expected, 12);
  });

  it('rollup without aligned objectives is 0', () => {
    expect(keyResultProgress({ kind: 'rollup' }).progress).toBe(0);
  });
});

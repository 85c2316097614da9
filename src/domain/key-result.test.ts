import { describe, it, expect } from 'vitest';
import { metricDirection, type MetricDirection } from './key-result.js';
import { KEY_RESULT_KINDS } from './vocabulary.js';

describe('metricDirection', () => {
  it.each<[number, number, MetricDirection | null]>([
    [0, 10, 'increase'],
    [-5, -1, 'increase'],
    [10, 0, 'decrease'],
    [0, -3, 'decrease'],
    [5, 5, null], // no direction: validation refuses it
  ])('start %s, target %s → %s', (startValue, targetValue, expected) => {
    expect(metricDirection({ startValue, targetValue })).toBe(expected);
  });
});

describe('KEY_RESULT_KINDS', () => {
  it('lists the four kinds', () => {
    expect(KEY_RESULT_KINDS).toEqual(['metric', 'threshold', 'milestone', 'rollup']);
  });
});

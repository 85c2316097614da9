import { describe, it, expect } from 'vitest';
import { assertFraction, clamp, isAtLeast, roundHalfUp } from './numbers.js';

describe('clamp', () => {
  it.each([
    [0.5, 0, 1, 0.5],
    [-0.2, 0, 1, 0],
    [1.7, 0, 1, 1],
    [-0, 0, 1, 0], // −0 normalised so toBe(0) holds
  ])('clamp(%s, %s, %s) = %s', (value, min, max, expected) => {
    expect(clamp(value, min, max)).toBe(expected);
  });
});

describe('isAtLeast', () => {
  it.each([
    [0.3, 0.3, true],
    [0.1 + 0.2 - 0.1, 0.2, true], // float noise just below still counts
    [0.2 - 1e-6, 0.2, false],
    [0.5, 0.2, true],
  ])('%s ≥ %s → %s', (a, b, expected) => {
    expect(isAtLeast(a, b)).toBe(expected);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [0.675, 2, 0.68],
    [0.575, 2, 0.58], // 0.575 * 100 = 57.49999999999999
    [0.285, 2, 0.29], // 0.285 * 100 = 28.499999999999996
    [1.005, 2, 1.01], // 1.005 * 100 = 100.49999999999999
    [0.125, 2, 0.13],
    [0.124, 2, 0.12],
    [0.0049, 2, 0],
    [0.005, 2, 0.01],
    [2.5, 0, 3],
    [1 / 3, 2, 0.33],
    [2 / 3, 2, 0.67],
  ])('roundHalfUp(%s, %i) = %s', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it('refuses NaN', () => {
    expect(() => roundHalfUp(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe('assertFraction', () => {
  it.each([[0], [0.5], [1]])('accepts %s', (value) => {
    expect(() => assertFraction(value, 'x')).not.toThrow();
  });
  it.each([[-0.01], [1.01], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %s', (value) => {
    expect(() => assertFraction(value, 'x')).toThrow(RangeError);
  });
});

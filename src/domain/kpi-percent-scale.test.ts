import { describe, expect, it } from 'vitest';
import type { KpiBands } from './kpi-health.js';
import { isPercentUnit, validatePercentScale, valueOffScale, type PercentScale } from './kpi-percent-scale.js';

const none = { healthy: null, watch: null, bandMin: null, bandMax: null, watchMargin: null };
const higher: KpiBands = { ...none, direction: 'higher_is_better', healthy: 90, watch: 80 };
const band: KpiBands = { ...none, direction: 'keep_in_band', bandMin: 0.4, bandMax: 0.6, watchMargin: 0.05 };
const hundred: PercentScale = { percentStart: 0, percentEnd: 100 };
const fraction: PercentScale = { percentStart: 0, percentEnd: 1 };
const downwards: PercentScale = { percentStart: 100, percentEnd: 0 };

describe('isPercentUnit', () => {
  it.each([
    ['%', true],
    [' percent ', true],
    ['Percent', true],
    ['pp', false],
    ['ms', false],
    [null, false],
  ] as const)('%o → %s', (unit, expected) => expect(isPercentUnit(unit)).toBe(expected));
});

describe('validatePercentScale: both ends, different, and the bands on the scale', () => {
  it.each([
    [hundred, higher, []],
    [downwards, higher, []],
    [fraction, band, []],
    [{ percentStart: null, percentEnd: 100 }, higher, ['percentStart']],
    [{ percentStart: 0, percentEnd: null }, higher, ['percentEnd']],
    [{ percentStart: 0, percentEnd: Number.NaN }, higher, ['percentEnd']],
    [{ percentStart: 50, percentEnd: 50 }, higher, ['percentEnd']],
    [fraction, higher, ['healthy', 'watch']],
    [{ percentStart: 0, percentEnd: 85 }, higher, ['healthy']],
    [hundred, { ...band, bandMin: -1, bandMax: 101 }, ['bandMin', 'bandMax']],
    // The edges are on the scale.
    [{ percentStart: 80, percentEnd: 90 }, higher, []],
  ] as const)('%o with %o → %o', (scale, bands, fields) => {
    expect(validatePercentScale(scale, bands).map((p) => p.field)).toEqual(fields);
  });
});

describe('valueOffScale', () => {
  it.each([
    [hundred, 0, false],
    [hundred, 100, false],
    [hundred, 100.01, true],
    [hundred, -0.01, true],
    [downwards, 42, false],
    [fraction, 0.95, false],
    [fraction, 95, true],
    [{ percentStart: null, percentEnd: null }, 950, false],
  ] as const)('%o: %d off the scale is %s', (scale, value, off) => {
    expect(valueOffScale(scale, value) !== null).toBe(off);
  });
});

import { describe, it, expect } from 'vitest';
import { addDays, compareIsoDates, daysBetween, isValidIsoDate } from './dates.js';

describe('isValidIsoDate', () => {
  it.each([
    ['2025-01-01', true],
    ['2024-02-29', true], // leap year
    ['2025-02-29', false], // not a leap year
    ['1900-02-29', false], // century, not leap
    ['2000-02-29', true], // 400-year rule
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['0099-12-31', true], // years below 100 are not remapped to 19xx
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });

  it.each([[20250101], [null], [undefined], [new Date(0)]])('non-string %s → false', (value) => {
    expect(isValidIsoDate(value)).toBe(false);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-01-02', 1],
    ['2025-01-02', '2025-01-01', -1],
    ['2025-01-01', '2025-03-31', 89],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-03-29', '2025-03-31', 2], // EU DST change on 30 March
    ['2025-11-01', '2025-11-03', 2], // US DST change on 2 November
    ['2025-12-31', '2026-01-01', 1],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it.each([['2025-02-30'], ['not a date']])('refuses invalid date %s', (bad) => {
    expect(() => daysBetween(bad, '2025-01-01')).toThrow(RangeError);
    expect(() => daysBetween('2025-01-01', bad)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-29', 7, '2025-04-05'],
    ['2025-06-15', 0, '2025-06-15'],
  ])('%s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('is the inverse of daysBetween', () => {
    expect(daysBetween('2025-01-01', addDays('2025-01-01', 400))).toBe(400);
  });

  it.each([[1.5], [Number.NaN]])('refuses non-integer days %s', (days) => {
    expect(() => addDays('2025-01-01', days)).toThrow(RangeError);
  });
});

describe('compareIsoDates', () => {
  it.each([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2024-12-31', '2025-01-01', -1],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareIsoDates(a, b)).toBe(expected);
  });

  it('sorts dates chronologically', () => {
    const sorted = ['2025-03-01', '2024-12-31', '2025-01-15'].sort(compareIsoDates);
    expect(sorted).toEqual(['2024-12-31', '2025-01-15', '2025-03-01']);
  });
});

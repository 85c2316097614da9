import { describe, it, expect } from 'vitest';
import { cycleLengthDays, cyclePhase, expectedProgress, paceWindow, type CyclePhase } from './pace.js';

// A 10-day cycle: n = daysBetween(start, end) = 9, so the divisor is 10.
const tenDays = { startDate: '2025-01-01', endDate: '2025-01-10' };
// Q1 2025: 90 days (n = 89).
const q1 = { startDate: '2025-01-01', endDate: '2025-03-31' };

describe('expectedProgress', () => {
  it.each([
    ['long before start', tenDays, '2024-12-01', 0],
    ['the day before start', tenDays, '2024-12-31', 0],
    ['first day', tenDays, '2025-01-01', 0],
    ['second day', tenDays, '2025-01-02', 0.1],
    ['middle', tenDays, '2025-01-06', 0.5],
    ['last day: n/(n+1)', tenDays, '2025-01-10', 0.9],
    ['the day after end', tenDays, '2025-01-11', 1],
    ['long after end', tenDays, '2025-06-01', 1],
    ['Q1 first day', q1, '2025-01-01', 0],
    ['Q1 last day: 89/90', q1, '2025-03-31', 89 / 90],
    ['Q1 the day after', q1, '2025-04-01', 1],
    ['Q1 mid-February', q1, '2025-02-15', 45 / 90],
    ['one-day cycle, its day', { startDate: '2025-05-05', endDate: '2025-05-05' }, '2025-05-05', 0],
    ['one-day cycle, next day', { startDate: '2025-05-05', endDate: '2025-05-05' }, '2025-05-06', 1],
  ])('%s', (_name, cycle, date, expected) => {
    expect(expectedProgress(cycle, date)).toBeCloseTo(expected, 12);
  });

  it('is exactly 0 on the first day', () => {
    expect(expectedProgress(q1, '2025-01-01')).toBe(0);
  });

  it('crosses a DST change without drift', () => {
    const spring = { startDate: '2025-03-01', endDate: '2025-04-30' }; // 61 days
    expect(expectedProgress(spring, '2025-04-01')).toBeCloseTo(31 / 61, 12);
  });

  it.each([
    ['end before start', { startDate: '2025-02-01', endDate: '2025-01-31' }],
    ['invalid start', { startDate: '2025-02-30', endDate: '2025-03-31' }],
  ])('refuses %s with a RangeError', (_name, cycle) => {
    expect(() => expectedProgress(cycle, '2025-02-01')).toThrow(RangeError);
  });
});

describe('cycleLengthDays', () => {
  it.each([
    [tenDays, 10],
    [q1, 90],
    [{ startDate: '2024-01-01', endDate: '2024-12-31' }, 366],
  ])('%o has %i days', (cycle, expected) => {
    expect(cycleLengthDays(cycle)).toBe(expected);
  });
});

describe('cyclePhase', () => {
  it.each<[string, CyclePhase]>([
    ['2024-12-31', 'before'],
    ['2025-01-01', 'during'],
    ['2025-01-10', 'during'],
    ['2025-01-11', 'after'],
  ])('%s is %s', (date, expected) => {
    expect(cyclePhase(tenDays, date)).toBe(expected);
  });
});

describe('expectedProgress over an effective start (published mid-cycle)', () => {
  // Q4 2026: 1 Oct – 31 Dec; published on 1 Dec, so the window is 1–31 Dec (31 days).
  const q4 = { startDate: '2026-10-01', endDate: '2026-12-31' };
  it.each([
    ['publication day: nothing expected yet', '2026-12-01', '2026-12-01', 0],
    ['a week later: 7/31', '2026-12-01', '2026-12-08', 7 / 31],
    ['last day: 30/31', '2026-12-01', '2026-12-31', 30 / 31],
    ['after the end: 1', '2026-12-01', '2027-01-01', 1],
    ['effective start before the cycle: the cycle start wins', '2026-09-01', '2026-11-01', 31 / 92],
    ['no effective start: the cycle start', null, '2026-11-01', 31 / 92],
    ['effective start after the end: one-day window on the last day', '2027-02-01', '2026-12-31', 0],
  ])('%s', (_name, effectiveStart, date, expected) => {
    expect(expectedProgress(q4, date, effectiveStart)).toBeCloseTo(expected, 12);
  });

  it('takes the latest of several starts (objective, then key result)', () => {
    expect(paceWindow(q4, '2026-11-01', '2026-12-01', null)).toEqual({ startDate: '2026-12-01', endDate: '2026-12-31' });
  });
});

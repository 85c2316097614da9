import { describe, it, expect } from 'vitest';
import { CADENCE_DAYS, daysWithoutCheckIn, isStale, maxDaysWithoutCheckIn } from './stale.js';
import type { CheckInCadence } from './vocabulary.js';

const since = '2025-01-01';

describe('isStale after a check-in, at the boundary of each cadence', () => {
  it.each<[CheckInCadence | undefined, string, string, boolean]>([
    // weekly: 7 + 2 = 9 days allowed
    ['weekly', '2025-01-06', '2025-01-15', false], // 9 days
    ['weekly', '2025-01-06', '2025-01-16', true], // 10 days
    [undefined, '2025-01-06', '2025-01-15', false], // weekly by default
    [undefined, '2025-01-06', '2025-01-16', true],
    // biweekly: 14 + 2 = 16
    ['biweekly', '2025-01-06', '2025-01-22', false], // 16 days
    ['biweekly', '2025-01-06', '2025-01-23', true], // 17 days
    // monthly: 30 + 2 = 32
    ['monthly', '2025-01-06', '2025-02-07', false], // 32 days
    ['monthly', '2025-01-06', '2025-02-08', true], // 33 days
    // checked in today, or asOf before the check-in (time travel)
    ['weekly', '2025-01-06', '2025-01-06', false],
    ['weekly', '2025-01-06', '2025-01-02', false],
  ])('%s, last %s, on %s → %s', (cadence, lastCheckInDate, asOf, expected) => {
    const input = cadence === undefined ? { lastCheckInDate, since, asOf } : { lastCheckInDate, since, asOf, cadence };
    expect(isStale(input)).toBe(expected);
  });
});

describe('isStale without any check-in counts from `since`', () => {
  it.each<[CheckInCadence, string, string, boolean]>([
    ['weekly', '2025-01-01', '2025-01-10', false], // 9 days after cycle start
    ['weekly', '2025-01-01', '2025-01-11', true], // 10 days
    ['weekly', '2025-02-01', '2025-01-20', false], // KR created later: clock starts then
    ['weekly', '2025-02-01', '2025-02-11', true],
    ['biweekly', '2025-01-01', '2025-01-17', false], // 16
    ['biweekly', '2025-01-01', '2025-01-18', true], // 17
    ['monthly', '2025-01-01', '2025-02-02', false], // 32
    ['monthly', '2025-01-01', '2025-02-03', true], // 33
  ])('%s, since %s, on %s → %s', (cadence, sinceDate, asOf, expected) => {
    expect(isStale({ lastCheckInDate: null, since: sinceDate, asOf, cadence })).toBe(expected);
  });
});

describe('cadence helpers', () => {
  it.each<[CheckInCadence, number, number]>([
    ['weekly', 7, 9],
    ['biweekly', 14, 16],
    ['monthly', 30, 32],
  ])('%s is %i days, stale after %i', (cadence, days, max) => {
    expect(CADENCE_DAYS[cadence]).toBe(days);
    expect(maxDaysWithoutCheckIn(cadence)).toBe(max);
  });

  it.each([
    ['2025-01-05', '2025-01-12', 7],
    [null, '2025-01-12', 11],
  ])('last %s, on %s → %i days without check-in', (lastCheckInDate, asOf, expected) => {
    expect(daysWithoutCheckIn({ lastCheckInDate, since, asOf })).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(() => isStale({ lastCheckInDate: '2025-13-01', since, asOf: '2025-01-05' })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { proposeNextQuarter } from './next-quarter.js';

const q4 = { name: 'Q4 2026', startDate: '2026-10-01', endDate: '2026-12-31' };
const q1 = { name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31' };

describe('proposeNextQuarter', () => {
  it.each([
    ['no cycles yet: the current quarter', [], '2026-12-01', q4],
    ['the current quarter exists: the next one', [q4], '2026-12-01', q1],
    [
      'the next one exists too: the one after, across the year',
      [q4, q1],
      '2026-12-01',
      { name: 'Q2 2027', startDate: '2027-04-01', endDate: '2027-06-30' },
    ],
    [
      'a differently named cycle overlapping the quarter counts as taken',
      [{ name: 'Autumn push', startDate: '2026-11-15', endDate: '2027-01-15' }],
      '2026-12-01',
      { name: 'Q2 2027', startDate: '2027-04-01', endDate: '2027-06-30' },
    ],
    [
      'a cycle named like the quarter counts as taken, whatever its dates',
      [{ name: 'q4 2026', startDate: '2025-01-01', endDate: '2025-01-31' }],
      '2026-11-30',
      q1,
    ],
    ['the first day of a quarter', [], '2027-01-01', q1],
  ])('%s', (_label, existing, today, expected) => {
    expect(proposeNextQuarter(existing, today)).toEqual(expected);
  });
});

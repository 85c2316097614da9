import { describe, expect, it } from 'vitest';
import { formatOffset, offsetChanges, vtimezone, wallClock } from './vtimezone.js';

describe('vtimezone', () => {
  it.each([
    [
      'Europe/Berlin',
      2025,
      [
        ['2025-03-30T01:00:00.000Z', 60, 120],
        ['2025-10-26T01:00:00.000Z', 120, 60],
      ],
    ],
    [
      'America/New_York',
      2025,
      [
        ['2025-03-09T07:00:00.000Z', -300, -240],
        ['2025-11-02T06:00:00.000Z', -240, -300],
      ],
    ],
    ['Asia/Kolkata', 2025, []],
    ['UTC', 2025, []],
  ] as const)('finds the offset changes of %s in %i', (zone, year, expected) => {
    expect(offsetChanges(zone, year, year).map((c) => [new Date(c.at).toISOString(), c.from, c.to])).toEqual(expected);
  });

  it.each([
    [0, '+0000'],
    [330, '+0530'],
    [-300, '-0500'],
  ])('formats offset %i as %s', (minutes, text) => expect(formatOffset(minutes)).toBe(text));

  it('writes daylight and standard components with local start times', () => {
    const block = vtimezone('Europe/Berlin', 2025, 2025);
    expect(block).toContain('TZID:Europe/Berlin');
    expect(block).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(block).toContain('BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
  });

  it('shows the wall clock in the zone', () => {
    expect(wallClock('America/New_York', new Date('2025-01-20T15:00:00Z')).toISOString()).toBe('2025-01-20T10:00:00.000Z');
  });
});

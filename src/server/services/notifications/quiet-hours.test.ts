import { describe, expect, it } from 'vitest';
import { deliverAfter } from './quiet-hours.js';

// Each row: the person's zone and quiet hours, the instant now (UTC), and when the e-mail may go (UTC).
describe('deliverAfter', () => {
  it.each([
    // The bug: Kolkata (UTC+5:30), quiet 22–07, at 05:10 local the mail went at 06:30 local (00:30 UTC).
    ['Kolkata, 05:10 local, quiet 22–07', 'Asia/Kolkata', 22, 7, '2026-03-09T23:40:00Z', '2026-03-10T01:30:00Z'],
    ['Kolkata, 23:00 local, quiet 22–07 (ends tomorrow)', 'Asia/Kolkata', 22, 7, '2026-03-10T17:30:00Z', '2026-03-11T01:30:00Z'],
    ['Kathmandu (UTC+5:45), 06:59 local, quiet 22–07', 'Asia/Kathmandu', 22, 7, '2026-03-10T01:14:00Z', '2026-03-10T01:15:00Z'],
    ['Adelaide (UTC+10:30 in summer), 02:00 local, quiet 0–6', 'Australia/Adelaide', 0, 6, '2026-01-14T15:30:00Z', '2026-01-14T19:30:00Z'],
    ['Berlin, 03:00 local, quiet 22–07', 'Europe/Berlin', 22, 7, '2026-01-15T02:00:00Z', '2026-01-15T06:00:00Z'],
    ['UTC, 13:00, quiet 12–14 (same day)', 'UTC', 12, 14, '2026-01-15T13:00:00Z', '2026-01-15T14:00:00Z'],
    // Outside quiet hours, or none set: now.
    ['Kolkata, 07:00 local, quiet 22–07 (end is exclusive)', 'Asia/Kolkata', 22, 7, '2026-03-10T01:30:00Z', '2026-03-10T01:30:00Z'],
    ['Berlin, 12:00 local, quiet 22–07', 'Europe/Berlin', 22, 7, '2026-01-15T11:00:00Z', '2026-01-15T11:00:00Z'],
    ['no quiet hours', 'Asia/Kolkata', null, null, '2026-03-09T23:40:00Z', '2026-03-09T23:40:00Z'],
    ['start equals end (off)', 'Asia/Kolkata', 5, 5, '2026-03-09T23:40:00Z', '2026-03-09T23:40:00Z'],
  ] as const)('%s', (_label, timeZone, start, end, now, expected) => {
    expect(deliverAfter(new Date(now), timeZone, start, end).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('the night a clock springs forward (Berlin, quiet 1–3, 01:30 local): mail goes when the clock shows 03:00', () => {
    // 2026-03-29 02:00 CET jumps to 03:00 CEST; 01:30 CET is 00:30 UTC and 03:00 CEST is 01:00 UTC.
    expect(deliverAfter(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin', 1, 3).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});

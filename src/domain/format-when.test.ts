import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, formatNumericDate } from './format-when.js';

const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham', 'America/St_Johns'];
const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

/** Every 37 minutes over five years (every minute of the hour and both halves of the day), and the edges. */
function moments(): Date[] {
  const from = Date.UTC(2024, 0, 1);
  const list: Date[] = [];
  for (let t = from; t < from + 5 * 365 * 24 * 3600_000; t += 37 * 60_000) list.push(new Date(t));
  list.push(
    new Date(0),
    new Date(Date.UTC(1999, 11, 31, 23, 59, 59)),
    new Date(Date.UTC(2099, 11, 31, 12, 0)),
    new Date(Date.UTC(2026, 2, 8, 7, 0)),
  );
  return list;
}

describe('dates and times in English (United States) without Intl', () => {
  it.each(ZONES)('writes what Intl.DateTimeFormat writes, in %s', (zone) => {
    process.env.TZ = zone;
    // The zone took effect for Date and for Intl alike (Node applies a changed TZ at once).
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset() === 0).toBe(zone === 'UTC');
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    const medium = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
    const numeric = new Intl.DateTimeFormat('en-US');
    let compared = 0;
    for (const moment of moments()) {
      expect(formatDateTime(moment, 'en-US'), moment.toISOString()).toBe(medium.format(moment));
      expect(formatNumericDate(moment, 'en-US'), moment.toISOString()).toBe(numeric.format(moment));
      compared++;
    }
    expect(compared).toBeGreaterThan(70_000);
  });

  it.each([
    ['2026-12-03T22:13:20Z', 'Dec 3, 2026, 10:13 PM', '12/3/2026'],
    ['2026-01-09T00:05:00Z', 'Jan 9, 2026, 12:05 AM', '1/9/2026'],
    ['2026-07-04T12:00:00Z', 'Jul 4, 2026, 12:00 PM', '7/4/2026'],
  ])('%s reads %s', (iso, dateTime, day) => {
    process.env.TZ = 'UTC';
    expect(formatDateTime(new Date(iso), 'en-US')).toBe(dateTime);
    expect(formatDateTime(new Date(iso), 'en')).toBe(dateTime);
    expect(formatNumericDate(new Date(iso), 'en-US')).toBe(day);
  });

  it('leaves other locales to Intl, and an invalid date reads as toLocaleString reads it', () => {
    process.env.TZ = 'Europe/Berlin';
    const moment = new Date('2026-12-03T22:13:20Z');
    expect(formatDateTime(moment, 'de-DE')).toBe(moment.toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' }));
    expect(formatDateTime(moment, 'en-GB')).toBe('3 Dec 2026, 23:13');
    expect(formatNumericDate(moment, 'fr-FR')).toBe('03/12/2026');
    expect(formatDateTime(new Date('not a date'), 'en-US')).toBe('Invalid Date');
    expect(formatNumericDate(new Date('not a date'), 'de-DE')).toBe('Invalid Date');
  });
});

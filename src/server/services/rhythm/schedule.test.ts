import { describe, expect, it } from 'vitest';
import { firstMissedDueAt, isDueDate, nextDueAt, periodAt, type Schedule } from './schedule.js';
import { localDate, zonedTime } from '../../../domain/zoned-time.js';

const paris = (cadence: Schedule['cadence'], day = 1, hour = 10): Schedule => ({ cadence, day, hour, timeZone: 'Europe/Paris' });
const at = (iso: string) => new Date(iso);

describe('zoned time', () => {
  it('turns a local wall-clock hour into the right instant on both sides of daylight saving', () => {
    expect(zonedTime('2025-02-17', 10, 'Europe/Paris').toISOString()).toBe('2025-02-17T09:00:00.000Z');
    expect(zonedTime('2025-07-14', 10, 'Europe/Paris').toISOString()).toBe('2025-07-14T08:00:00.000Z');
    expect(zonedTime('2025-03-10', 9, 'America/New_York').toISOString()).toBe('2025-03-10T13:00:00.000Z');
    expect(zonedTime('2025-02-17', 10, 'Asia/Kolkata').toISOString()).toBe('2025-02-17T04:30:00.000Z');
    // 02:00 does not exist on 30 March in Paris: it lands an hour later.
    expect(zonedTime('2025-03-30', 2, 'Europe/Paris').toISOString()).toBe('2025-03-30T01:00:00.000Z');
    expect(localDate('Pacific/Auckland', at('2025-02-16T12:00:00Z'))).toBe('2025-02-17');
  });
});

describe('check-in periods', () => {
  it('weekly: the window ends at the latest due moment, not before its hour', () => {
    expect(periodAt(paris('weekly'), at('2025-02-17T08:59:59Z'))).toMatchObject({ dueDate: '2025-02-10', previousDate: '2025-02-03' });
    const period = periodAt(paris('weekly'), at('2025-02-17T09:00:00Z'));
    expect(period).toMatchObject({ dueDate: '2025-02-17', previousDate: '2025-02-10' });
    expect(period.dueAt.toISOString()).toBe('2025-02-17T09:00:00.000Z');
    expect(periodAt(paris('weekly'), at('2025-02-23T22:00:00Z')).dueDate).toBe('2025-02-17');
    expect(nextDueAt(paris('weekly'), at('2025-02-17T09:00:00Z')).toISOString()).toBe('2025-02-24T09:00:00.000Z');
  });

  it('biweekly: every other week, the same weeks for everyone', () => {
    const dates = ['2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24'].filter((d) => isDueDate(paris('biweekly'), d));
    expect(dates).toHaveLength(2);
    const [first, second] = dates as [string, string];
    expect(Date.parse(second) - Date.parse(first)).toBe(14 * 86_400_000);
    const period = periodAt(paris('biweekly'), at(`${second}T12:00:00Z`));
    expect(period).toMatchObject({ dueDate: second, previousDate: first });
  });

  it('monthly: the first chosen weekday of each month', () => {
    expect(isDueDate(paris('monthly', 1), '2025-03-03')).toBe(true);
    expect(isDueDate(paris('monthly', 1), '2025-03-10')).toBe(false);
    expect(periodAt(paris('monthly', 1), at('2025-03-20T12:00:00Z'))).toMatchObject({ dueDate: '2025-03-03', previousDate: '2025-02-03' });
    expect(periodAt(paris('monthly', 5), at('2025-01-02T12:00:00Z'))).toMatchObject({ dueDate: '2024-12-06', previousDate: '2024-11-01' });
  });

  it('a check-in covers the period ending at the next due date; the one after is the first missed', () => {
    const weekly = paris('weekly');
    expect(firstMissedDueAt(weekly, '2025-02-05', '2025-01-01').toISOString()).toBe('2025-02-17T09:00:00.000Z');
    // Checked in on a due date: that covers the period ending that day.
    expect(firstMissedDueAt(weekly, '2025-02-10', '2025-01-01').toISOString()).toBe('2025-02-17T09:00:00.000Z');
    expect(firstMissedDueAt(weekly, null, '2025-02-11').toISOString()).toBe('2025-02-17T09:00:00.000Z');
  });
});

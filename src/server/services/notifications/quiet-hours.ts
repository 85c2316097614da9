import { hourIn, localDate, shiftDate, zonedTime } from '../../../domain/zoned-time.js';

/**
 * When e-mail may go out: now, or the end of the person's quiet hours if now falls inside them
 * (start inclusive, end exclusive, wrapping midnight when start > end). The end is a wall-clock hour in
 * the person's zone, so it is found with zonedTime: rounding UTC to the hour would be 30 minutes off in
 * India (UTC+5:30) and 45 in Nepal.
 */
export function deliverAfter(now: Date, timeZone: string, start: number | null, end: number | null): Date {
  if (start === null || end === null || start === end) return now;
  const hour = hourIn(timeZone, now);
  const quiet = start < end ? hour >= start && hour < end : hour >= start || hour < end;
  if (!quiet) return now;
  const today = localDate(timeZone, now);
  const endToday = zonedTime(today, end, timeZone);
  return endToday > now ? endToday : zonedTime(shiftDate(today, 1), end, timeZone);
}

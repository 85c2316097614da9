/** The hour (0–23) at `now` in a time zone. */
export function hourIn(timeZone: string, now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
}

/**
 * When e-mail may go out: now, or the end of the person's quiet hours if now falls inside them
 * (start inclusive, end exclusive, wrapping midnight when start > end).
 */
export function deliverAfter(now: Date, timeZone: string, start: number | null, end: number | null): Date {
  if (start === null || end === null || start === end) return now;
  const hour = hourIn(timeZone, now);
  const quiet = start < end ? hour >= start && hour < end : hour >= start || hour < end;
  if (!quiet) return now;
  const hoursLeft = (end - hour + 24) % 24 || 24;
  const at = new Date(now.getTime() + hoursLeft * 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return at;
}

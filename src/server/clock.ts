/** Injectable "now": tests move time; production uses the system clock. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * One formatter per time zone: building an Intl.DateTimeFormat costs ~0.3 ms of CPU, once per page of objectives
 * before (issue 12: a team page's Node time). At most one per IANA zone (a few hundred); an unknown zone throws
 * on construction and is not kept.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at `now` in an IANA time zone. */
export function todayIn(timeZone: string, now: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

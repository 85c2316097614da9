/**
 * Calendar dates for the OKR method.
 *
 * The method works on calendar days, not instants: the caller has already
 * applied the organisation's time zone and hands us `YYYY-MM-DD` strings.
 * All arithmetic is done in UTC on the date parts, so daylight-saving
 * transitions (23- or 25-hour days) can never shift a result by one.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Milliseconds at UTC midnight of the given parts (months 1-based). */
function utcMidnight(year: number, month: number, day: number): number {
  // setUTCFullYear instead of Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function formatUtc(ms: number): IsoDate {
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function parseParts(value: string): [number, number, number] | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

// Valid dates already parsed: the cross-team views count days for every objective and key result of a cycle (tens of
// thousands of calls over a few hundred distinct dates), and validating each by a round trip dominated them (the
// heatmap's rhythm rule validates every key result's date: 50,000 calls at scale 1).
const parsedDates = new Map<string, number>();
const PARSED_DATES_KEPT = 10_000;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (parsedDates.has(value)) return true;
  const parts = parseParts(value);
  if (parts === null) return false;
  // Round-tripping catches overflowing days/months, which Date would roll over.
  const ms = utcMidnight(...parts);
  if (formatUtc(ms) !== value) return false;
  if (parsedDates.size >= PARSED_DATES_KEPT) parsedDates.clear();
  parsedDates.set(value, ms);
  return true;
}

/** Throws a RangeError naming the parameter when `value` is not a valid date. */
export function assertIsoDate(value: string, name = 'date'): void {
  if (!isValidIsoDate(value)) {
    throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got "${value}"`);
  }
}

function toUtcMs(value: IsoDate, name: string): number {
  const known = parsedDates.get(value);
  if (known !== undefined) return known;
  assertIsoDate(value, name); // keeps the parsed value
  return parsedDates.get(value)!;
}

/** Whole days from `a` to `b` (b − a): positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b, 'b') - toUtcMs(a, 'a')) / MS_PER_DAY);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) {
    throw new RangeError(`days must be a whole number, got ${days}`);
  }
  return formatUtc(toUtcMs(date, 'date') + days * MS_PER_DAY);
}

/** Sort comparator: negative when `a` is earlier than `b`, 0 when equal. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  if (diff < 0) return -1;
  if (diff > 0) return 1;
  return 0;
}

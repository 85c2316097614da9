/**
 * Staleness: has a key result gone too long without a check-in?
 *
 * Each team checks in at a cadence. A key result is stale once the time
 * since its last check-in exceeds the cadence plus a short grace period
 * (a weekly team that checks in on Monday is not stale on Wednesday of the
 * next week; it is on Thursday). A key result that has never been checked in
 * is measured from `since`: the cycle start, or the day the key result was
 * created if that is later (the caller picks).
 */
import { assertIsoDate, daysBetween, type IsoDate } from './dates.js';
import type { CheckInCadence } from './vocabulary.js';

/** Team default when none is configured. */
export const DEFAULT_CHECK_IN_CADENCE: CheckInCadence = 'weekly';

export const CADENCE_DAYS: Readonly<Record<CheckInCadence, number>> = Object.freeze({
  weekly: 7,
  biweekly: 14,
  monthly: 30,
});

/** Days of slack after the cadence before a key result counts as stale. */
export const STALE_GRACE_DAYS = 2;

/** Most days that may pass since the last check-in before it is stale. */
export function maxDaysWithoutCheckIn(cadence: CheckInCadence = DEFAULT_CHECK_IN_CADENCE): number {
  const days = CADENCE_DAYS[cadence];
  if (days === undefined) throw new RangeError(`unknown check-in cadence: ${String(cadence)}`);
  return days + STALE_GRACE_DAYS;
}

export interface StalenessInput {
  /** Date (`asOf`) of the latest check-in, or null if there is none. */
  readonly lastCheckInDate: IsoDate | null;
  /** Start of the clock when there is no check-in: cycle start or KR creation date. */
  readonly since: IsoDate;
  /** The date we are looking from. */
  readonly asOf: IsoDate;
  readonly cadence?: CheckInCadence;
}

/** Whole days since the last check-in (or since `since` when there is none). */
export function daysWithoutCheckIn(input: StalenessInput): number {
  assertIsoDate(input.since, 'since');
  const from = input.lastCheckInDate ?? input.since;
  return daysBetween(from, input.asOf);
}

/** Stale when daysWithoutCheckIn > cadence days + 2. */
export function isStale(input: StalenessInput): boolean {
  return daysWithoutCheckIn(input) > maxDaysWithoutCheckIn(input.cadence);
}

/**
 * Check-in history and "time travel".
 *
 * A check-in records a key result's state as of a calendar date (`asOf`,
 * which may be back-dated) and when it was entered (`createdAt`). A key
 * result's state on any date is that of its latest check-in with asOf ≤ that
 * date. Two check-ins for the same date are a correction: the one entered
 * last wins. Nothing is ever summed or interpolated between check-ins.
 */
import { assertIsoDate, compareIsoDates, type IsoDate } from './dates.js';
import type { KeyResultMeasure } from './key-result.js';

/** The two timestamps that order check-ins. */
export interface CheckInStamp {
  /** Calendar date the values describe. */
  readonly asOf: IsoDate;
  /** ISO 8601 timestamp of entry, e.g. `2025-03-04T09:15:00.000Z`. */
  readonly createdAt: string;
}

/** A check-in as the method needs it. */
export interface CheckIn extends CheckInStamp {
  /** Metric or threshold value; null when the check-in only updates confidence. */
  readonly value: number | null;
  /**
   * Done flags by milestone position, for milestone key results. A check-in
   * records the full list; positions missing (milestones added later) count
   * as not done.
   */
  readonly milestonesDone: readonly boolean[] | null;
  /** Owner's confidence 0–10, if given. */
  readonly confidence: number | null;
}

function entryTime(stamp: CheckInStamp): number {
  const ms = Date.parse(stamp.createdAt);
  if (Number.isNaN(ms)) {
    throw new RangeError(`createdAt must be an ISO timestamp, got "${stamp.createdAt}"`);
  }
  return ms;
}

/** Orders check-ins oldest first: by asOf, then by createdAt. */
export function compareCheckIns(a: CheckInStamp, b: CheckInStamp): number {
  // Both timestamps are read even when dates differ, so bad data always surfaces.
  const entryOrder = entryTime(a) - entryTime(b);
  return compareIsoDates(a.asOf, b.asOf) || entryOrder;
}

/**
 * The latest check-in with asOf ≤ `asOf` (ties on the date: latest createdAt
 * wins), or null when none had been made by then. Input order is irrelevant.
 */
export function valueAsOf<T extends CheckInStamp>(checkIns: readonly T[], asOf: IsoDate): T | null {
  assertIsoDate(asOf, 'asOf');
  let latest: T | null = null;
  for (const checkIn of checkIns) {
    entryTime(checkIn); // validate every timestamp, not only the ones compared
    if (compareIsoDates(checkIn.asOf, asOf) > 0) continue;
    if (latest === null || compareCheckIns(checkIn, latest) > 0) latest = checkIn;
  }
  return latest;
}

/**
 * The key result as it stood on `asOf`: current value or milestone states
 * taken from the latest check-in by then. Before any check-in a metric or
 * threshold has no value and no milestone is done. Rollups carry no state.
 */
export function keyResultAsOf(kr: KeyResultMeasure, checkIns: readonly CheckIn[], asOf: IsoDate): KeyResultMeasure {
  const latest = valueAsOf(checkIns, asOf);
  switch (kr.kind) {
    case 'metric':
    case 'threshold':
      return { ...kr, currentValue: latest?.value ?? null };
    case 'milestone':
      return {
        ...kr,
        milestones: kr.milestones.map((m, index) => ({
          ...m,
          done: latest?.milestonesDone?.[index] ?? false,
        })),
      };
    default:
      return kr;
  }
}

/**
 * Expected progress ("pace") at a date within a cycle.
 *
 * A cycle runs from the first moment of `startDate` to the last moment of
 * `endDate`, so a cycle of n + 1 calendar days is split into n + 1 equal
 * steps. On date d we credit the days fully elapsed before d:
 *
 *   expected(d) = clamp(daysBetween(startDate, d) / (daysBetween(startDate, endDate) + 1), 0, 1)
 *
 * - on `startDate` nothing has elapsed: 0;
 * - on `endDate`: n / (n + 1), the last day is still to be worked;
 * - the day after `endDate`: 1; before `startDate`: 0.
 */
import { assertIsoDate, daysBetween, type IsoDate } from './dates.js';
import { clamp } from './numbers.js';

/** A cycle's calendar dates, both inclusive. */
export interface CycleDates {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

/** Number of calendar days in the cycle, both ends included. */
export function cycleLengthDays(cycle: CycleDates): number {
  assertCycle(cycle);
  return daysBetween(cycle.startDate, cycle.endDate) + 1;
}

/** Throws RangeError unless both dates are valid and startDate ≤ endDate. */
export function assertCycle(cycle: CycleDates): void {
  assertIsoDate(cycle.startDate, 'startDate');
  assertIsoDate(cycle.endDate, 'endDate');
  if (daysBetween(cycle.startDate, cycle.endDate) < 0) {
    throw new RangeError(`endDate (${cycle.endDate}) must not be before startDate (${cycle.startDate})`);
  }
}

/**
 * The window pace runs over: from the later of the cycle start and the effective start (the day an
 * objective or key result was published mid-cycle) to the cycle end. An effective start after the
 * end leaves a one-day window on the last day.
 */
export function paceWindow(cycle: CycleDates, ...effectiveStarts: (IsoDate | null | undefined)[]): CycleDates {
  assertCycle(cycle);
  let startDate = cycle.startDate;
  for (const start of effectiveStarts) if (start && start > startDate) startDate = start;
  if (startDate > cycle.endDate) startDate = cycle.endDate;
  return { startDate, endDate: cycle.endDate };
}

/**
 * Share of the pace window elapsed at the start of `date`, 0–1. With effective starts, the window
 * begins at the latest of them and the cycle start (see paceWindow).
 */
export function expectedProgress(cycle: CycleDates, date: IsoDate, ...effectiveStarts: (IsoDate | null | undefined)[]): number {
  const window = paceWindow(cycle, ...effectiveStarts);
  return clamp(daysBetween(window.startDate, date) / cycleLengthDays(window), 0, 1);
}

/** Where `date` falls relative to the cycle. */
export type CyclePhase = 'before' | 'during' | 'after';

/** 'during' from startDate through endDate inclusive. */
export function cyclePhase(cycle: CycleDates, date: IsoDate): CyclePhase {
  assertCycle(cycle);
  if (daysBetween(cycle.startDate, date) < 0) return 'before';
  if (daysBetween(cycle.endDate, date) > 0) return 'after';
  return 'during';
}

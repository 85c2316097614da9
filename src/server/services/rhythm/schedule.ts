import type { CheckInCadence } from '../../../domain/vocabulary.js';
import { dayNumber, localDate, shiftDate, weekdayOf, zonedTime } from '../../../domain/zoned-time.js';

/** When a team's check-ins fall due: cadence, weekday (0 = Sunday) and hour in the organisation's time zone. */
export interface Schedule {
  cadence: CheckInCadence;
  day: number;
  hour: number;
  timeZone: string;
}

/** Objectives without a team check in weekly, Monday 10:00. */
export const COMPANY_SCHEDULE = { cadence: 'weekly', day: 1, hour: 10 } as const;

/**
 * One cadence window. It ends at the due moment (`dueAt`, local date `dueDate`) and began at the
 * previous one; a key result is covered when its latest check-in is dated after `previousDate`.
 */
export interface Period {
  dueDate: string;
  dueAt: Date;
  previousDate: string;
  previousAt: Date;
}

/**
 * Is `date` a due date? Weekly: every `day`. Biweekly: every other `day`, counted from a fixed
 * epoch so every process agrees. Monthly: the first `day` of each month.
 */
export function isDueDate(schedule: Pick<Schedule, 'cadence' | 'day'>, date: string): boolean {
  if (weekdayOf(date) !== schedule.day) return false;
  if (schedule.cadence === 'weekly') return true;
  if (schedule.cadence === 'biweekly') return Math.floor((dayNumber(date) + 3) / 7) % 2 === 0;
  return Number(date.slice(8, 10)) <= 7;
}

// Monthly windows are at most five weeks; look a little further so a gap never hides one.
const SEARCH_DAYS = 40;

/** The latest due date on or before `date` (inclusive), by the calendar only. */
function dueDateOnOrBefore(schedule: Pick<Schedule, 'cadence' | 'day'>, date: string): string {
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const candidate = shiftDate(date, -i);
    if (isDueDate(schedule, candidate)) return candidate;
  }
  throw new RangeError(`no due date within ${SEARCH_DAYS} days of ${date}`);
}

/** The first due date on or after `date` (inclusive). */
export function dueDateOnOrAfter(schedule: Pick<Schedule, 'cadence' | 'day'>, date: string): string {
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const candidate = shiftDate(date, i);
    if (isDueDate(schedule, candidate)) return candidate;
  }
  throw new RangeError(`no due date within ${SEARCH_DAYS} days of ${date}`);
}

/**
 * When a key result's check-ins first went missing: a check-in dated `x` covers the period ending
 * at the first due date on or after `x`, so the next one is the first it missed. Never checked
 * in: the first due date of its cycle.
 */
export function firstMissedDueAt(schedule: Schedule, lastCheckInDate: string | null, cycleStart: string): Date {
  const date = lastCheckInDate
    ? dueDateOnOrAfter(schedule, shiftDate(dueDateOnOrAfter(schedule, lastCheckInDate), 1))
    : dueDateOnOrAfter(schedule, cycleStart);
  return zonedTime(date, schedule.hour, schedule.timeZone);
}

/** The cadence window whose due moment is the latest one at or before `now`. */
export function periodAt(schedule: Schedule, now: Date): Period {
  let dueDate = dueDateOnOrBefore(schedule, localDate(schedule.timeZone, now));
  let dueAt = zonedTime(dueDate, schedule.hour, schedule.timeZone);
  if (dueAt.getTime() > now.getTime()) {
    // Today is a due date but its hour has not come yet.
    dueDate = dueDateOnOrBefore(schedule, shiftDate(dueDate, -1));
    dueAt = zonedTime(dueDate, schedule.hour, schedule.timeZone);
  }
  const previousDate = dueDateOnOrBefore(schedule, shiftDate(dueDate, -1));
  return { dueDate, dueAt, previousDate, previousAt: zonedTime(previousDate, schedule.hour, schedule.timeZone) };
}

/** The first due moment after `now` (for showing "next due" to people). */
export function nextDueAt(schedule: Schedule, now: Date): Date {
  let date = localDate(schedule.timeZone, now);
  for (let i = 0; i <= SEARCH_DAYS + 1; i++, date = shiftDate(date, 1)) {
    if (!isDueDate(schedule, date)) continue;
    const at = zonedTime(date, schedule.hour, schedule.timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  throw new RangeError('no due moment ahead');
}

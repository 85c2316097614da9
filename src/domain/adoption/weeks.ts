/**
 * Adoption figures are counted week by week. A week runs Monday to Sunday (ISO weeks) and is named by its Monday.
 */
import { addDays, type IsoDate } from '../dates.js';

export interface Week {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The Monday on or before `date`. */
export function weekStartOf(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** Every week touching [from, to], in order; none when `to` is before `from`. */
export function weeksBetween(from: IsoDate, to: IsoDate): Week[] {
  const weeks: Week[] = [];
  for (let start = weekStartOf(from); start <= to; start = addDays(start, 7)) weeks.push({ start, end: addDays(start, 6) });
  return weeks;
}

/** True when [from, to] and the week share at least one day. */
export const overlapsWeek = (week: Week, from: IsoDate, to: IsoDate) => from <= week.end && to >= week.start;

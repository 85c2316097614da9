import { addDays, daysBetween, type IsoDate } from '../dates.js';
import type { CycleStatus, SurveySchedule } from '../vocabulary.js';

/**
 * When the next round of a recurring pulse survey opens (docs/surveys.md, "Recurring rounds").
 * Monthly: one calendar month after the previous round opened (31 January → 28 or 29 February).
 * End of each cycle: once a cycle has ended — it entered review or was closed (the method's moment for looking
 * back, METHOD.md "Review and closing"), or its last day has passed — and that cycle ended after the previous round
 * (its end date is later than the last end date the previous round covered).
 */
export interface CycleEnd {
  status: CycleStatus;
  endDate: IsoDate;
  reviewOpensOn: IsoDate | null;
}

export interface LatestRound {
  schedule: SurveySchedule;
  opensOn: IsoDate;
  closesOn: IsoDate;
  /** End-of-cycle series: the latest end date among the cycles that had ended when this round opened. */
  cycleEndCovered: IsoDate | null;
}

/** The same day `months` months later, or the month's last day when it has fewer days. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  // Day 0 of the following month is this month's last day (years here are well past 100, where Date.UTC is exact).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const cycleHasEnded = (cycle: CycleEnd, today: IsoDate) =>
  cycle.status === 'review' || cycle.status === 'closed' || cycle.endDate < today;

/** The latest end date among the cycles that have ended by `today`, or null. */
export function endedThrough(cycles: readonly CycleEnd[], today: IsoDate): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const c of cycles) if (cycleHasEnded(c, today) && (latest === null || c.endDate > latest)) latest = c.endDate;
  return latest;
}

/** What a round already covers: its cycles' end, or (none recorded) everything that ended before it opened. */
const coveredThrough = (round: LatestRound) => round.cycleEndCovered ?? addDays(round.opensOn, -1);

/** Whether the next round is due today; for end-of-cycle series, the end date it will cover. */
export function nextRoundDue(round: LatestRound, cycles: readonly CycleEnd[], today: IsoDate): { due: boolean; covers: IsoDate | null } {
  if (round.schedule === 'monthly') return { due: today >= addMonths(round.opensOn, 1), covers: null };
  if (round.schedule === 'once') return { due: false, covers: null };
  const through = endedThrough(cycles, today);
  return { due: through !== null && through > coveredThrough(round), covers: through };
}

/**
 * The day the next round is expected to open, for the Surveys page: monthly, a month after the last; end of cycle,
 * the first day a cycle not yet covered will have ended by itself (its review date, else the day after its end).
 */
export function nextRoundOn(round: LatestRound, cycles: readonly CycleEnd[], today: IsoDate): IsoDate | null {
  if (round.schedule === 'once') return null;
  if (round.schedule === 'monthly') return addMonths(round.opensOn, 1);
  if (nextRoundDue(round, cycles, today).due) return today;
  let next: IsoDate | null = null;
  for (const c of cycles) {
    if (c.endDate <= coveredThrough(round)) continue;
    const dayAfter = addDays(c.endDate, 1);
    const ends = c.reviewOpensOn !== null && c.reviewOpensOn < dayAfter ? c.reviewOpensOn : dayAfter;
    const on = ends < today ? today : ends;
    if (next === null || on < next) next = on;
  }
  return next;
}

/** A new round stays open as long as the previous one did. */
export function nextCloseOn(round: LatestRound, opensOn: IsoDate): IsoDate {
  return addDays(opensOn, daysBetween(round.opensOn, round.closesOn));
}

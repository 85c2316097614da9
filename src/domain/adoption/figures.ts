/**
 * Each adoption figure for one group and one week, as a count over a base (so groups can be compared and rates
 * stay honest when the base is small). Definitions: docs/adoption.md.
 */
import type { IsoDate } from '../dates.js';
import type { BlockerFact, CloseOutFact, KeyResultFact, MemberFact, ObjectiveFact } from './facts.js';
import { overlapsWeek, type Week } from './weeks.js';

export interface Share {
  readonly count: number;
  readonly of: number;
}

const HOUR_MS = 3_600_000;

/** Objectives live in the week (published by its end, cycle not over before it starts). */
export const liveObjectives = (week: Week, objectives: readonly ObjectiveFact[]) =>
  objectives.filter((o) => overlapsWeek(week, o.liveFrom, o.liveTo));

/** Members (joined by the week's end) who own, contribute to or own a key result of an objective live that week. */
export function involvement(week: Week, members: readonly MemberFact[], objectives: readonly ObjectiveFact[]): Share {
  const involved = new Set(liveObjectives(week, objectives).flatMap((o) => o.involvedIds));
  const present = members.filter((m) => m.joinedOn <= week.end);
  return { count: present.filter((m) => involved.has(m.userId)).length, of: present.length };
}

/**
 * Check-ins due in the week: each due date D (start + k × cadence, up to the key result's end) in the week and not
 * after today. It is on time when a check-in is dated after the previous due date and at most `graceDays` after D
 * (the organisation's "updates within" timeframe). A due date still inside its grace without a check-in is pending
 * and not counted yet.
 */
export function checkInsOnTime(week: Week, keyResults: readonly KeyResultFact[], today: IsoDate, graceDays: number): Share {
  let due = 0;
  let onTime = 0;
  const weekStart = dayNumber(week.start);
  const todayN = dayNumber(today);
  const lastOfWeek = Math.min(dayNumber(week.end), todayN);
  for (const kr of keyResults) {
    const { start, end, dates } = daysOf(kr);
    const cadence = kr.cadenceDays;
    const last = Math.min(end, lastOfWeek);
    // The first due date in the week, without walking every earlier one (the figure is asked per group and week).
    const k = Math.max(1, Math.ceil((weekStart - start) / cadence));
    for (let d = start + k * cadence; d <= last; d += cadence) {
      const until = d + graceDays;
      const made = anyIn(dates, d - cadence, until);
      if (!made && until >= todayN) continue;
      due += 1;
      if (made) onTime += 1;
    }
  }
  return { count: onTime, of: due };
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: IsoDate) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** A key result's dates as day numbers, check-ins sorted; kept per fact, which every group and week shares. */
const dayCache = new WeakMap<KeyResultFact, { start: number; end: number; dates: Float64Array }>();
function daysOf(kr: KeyResultFact) {
  let days = dayCache.get(kr);
  if (!days) {
    days = { start: dayNumber(kr.start), end: dayNumber(kr.end), dates: Float64Array.from(kr.checkInDates, dayNumber).sort() };
    dayCache.set(kr, days);
  }
  return days;
}

/** Whether a sorted list holds a day in (after, upTo]. */
function anyIn(sorted: Float64Array, after: number, upTo: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= upTo;
}

/**
 * Blockers raised in the week answered (by someone other than their author) within `answerWithinHours`. One whose
 * timeframe has not run out by `now` and is still unanswered is pending and not counted yet.
 */
export function blockersAnsweredInTime(week: Week, blockers: readonly BlockerFact[], now: number, answerWithinHours: number): Share {
  const limit = answerWithinHours * HOUR_MS;
  let raised = 0;
  let inTime = 0;
  for (const b of blockers) {
    const day = new Date(b.raisedAt).toISOString().slice(0, 10);
    if (day < week.start || day > week.end) continue;
    const answeredInTime = b.answeredAt !== null && b.answeredAt - b.raisedAt <= limit;
    if (!answeredInTime && b.raisedAt + limit > now) continue;
    raised += 1;
    if (answeredInTime) inTime += 1;
  }
  return { count: inTime, of: raised };
}

/** Comments written in the week over the objectives live in it. */
export function commentsPerObjective(week: Week, commentDates: readonly IsoDate[], objectives: readonly ObjectiveFact[]): Share {
  return {
    count: commentDates.filter((d) => d >= week.start && d <= week.end).length,
    of: liveObjectives(week, objectives).length,
  };
}

/** Of what was expected from cycles ended by the week's end (review scores, retrospectives), the share done by then. */
export function closeOutCompletion(week: Week, expected: readonly CloseOutFact[]): Share {
  const due = expected.filter((e) => e.cycleEnd <= week.end);
  return { count: due.filter((e) => e.doneOn !== null && e.doneOn <= week.end).length, of: due.length };
}

/** The mean quality score of the objectives live in the week that have one; null when none has. */
export function averageQuality(week: Week, objectives: readonly ObjectiveFact[]): number | null {
  const scores = liveObjectives(week, objectives).flatMap((o) => (o.qualityScore === null ? [] : [o.qualityScore]));
  return scores.length ? Math.round(scores.reduce((s, n) => s + n, 0) / scores.length) : null;
}

/** A share as a rate rounded to 3 decimals (a per-objective figure may exceed 1); null when its base is empty. */
export const rateOf = (s: Share): number | null => (s.of === 0 ? null : Math.round((s.count / s.of) * 1000) / 1000);

/** Every adoption figure of one group, week by week, with the trend over the range. */
import type { IsoDate } from '../dates.js';
import type { GroupFacts } from './facts.js';
import {
  averageQuality,
  blockersAnsweredInTime,
  checkInsOnTime,
  closeOutCompletion,
  commentsPerObjective,
  involvement,
  rateOf,
  type Share,
} from './figures.js';
import type { Week } from './weeks.js';

export interface AdoptionClock {
  readonly today: IsoDate;
  readonly now: number;
  /** The organisation's "updates within" timeframe, in whole days after the due date. */
  readonly graceDays: number;
  readonly answerWithinHours: number;
}

export interface WeekFigures {
  readonly weekStart: IsoDate;
  readonly members: number;
  readonly involvement: number | null;
  readonly onTimeCheckIns: number | null;
  readonly blockersAnsweredInTime: number | null;
  readonly commentsPerObjective: number | null;
  readonly reviewCompletion: number | null;
  readonly retrospectiveCompletion: number | null;
  readonly averageQuality: number | null;
  readonly minutesInvested: number;
  /** The counts behind the rates. */
  readonly counts: Readonly<Record<'involvement' | 'checkIns' | 'blockers' | 'comments' | 'reviews' | 'retrospectives', Share>>;
}

/** A week's figures from its counts: the one place that turns counts into the rates shown. */
export function figuresFromCounts(
  weekStart: IsoDate,
  counts: WeekFigures['counts'],
  averageQuality: number | null,
  minutesInvested: number,
): WeekFigures {
  return {
    weekStart,
    members: counts.involvement.of,
    involvement: rateOf(counts.involvement),
    onTimeCheckIns: rateOf(counts.checkIns),
    blockersAnsweredInTime: rateOf(counts.blockers),
    commentsPerObjective: rateOf(counts.comments),
    reviewCompletion: rateOf(counts.reviews),
    retrospectiveCompletion: rateOf(counts.retrospectives),
    averageQuality,
    minutesInvested,
    counts,
  };
}

export function weekFigures(facts: GroupFacts, week: Week, clock: AdoptionClock): WeekFigures {
  const counts = {
    involvement: involvement(week, facts.members, facts.objectives),
    checkIns: checkInsOnTime(week, facts.keyResults, clock.today, clock.graceDays),
    blockers: blockersAnsweredInTime(week, facts.blockers, clock.now, clock.answerWithinHours),
    comments: commentsPerObjective(week, facts.commentDates, facts.objectives),
    reviews: closeOutCompletion(week, facts.reviews),
    retrospectives: closeOutCompletion(week, facts.retrospectives),
  };
  return figuresFromCounts(week.start, counts, averageQuality(week, facts.objectives), facts.minutesByWeek.get(week.start) ?? 0);
}

export type TrendedFigure = 'involvement' | 'onTimeCheckIns' | 'blockersAnsweredInTime' | 'commentsPerObjective' | 'averageQuality';
export const TRENDED_FIGURES: readonly TrendedFigure[] = [
  'involvement',
  'onTimeCheckIns',
  'blockersAnsweredInTime',
  'commentsPerObjective',
  'averageQuality',
];

/** Per figure: its last known value minus its first known value over the weeks (null with fewer than two values). */
export function trendOf(weeks: readonly WeekFigures[]): Record<TrendedFigure, number | null> {
  const trend = {} as Record<TrendedFigure, number | null>;
  for (const figure of TRENDED_FIGURES) {
    const known = weeks.map((w) => w[figure]).filter((v): v is number => v !== null);
    trend[figure] = known.length < 2 ? null : Math.round((known.at(-1)! - known[0]!) * 1000) / 1000;
  }
  return trend;
}

/** The last week's value of a figure that has one (the most recent picture), else null. */
export const latest = (weeks: readonly WeekFigures[], figure: TrendedFigure): number | null =>
  [...weeks].reverse().find((w) => w[figure] !== null)?.[figure] ?? null;

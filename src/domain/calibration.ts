/**
 * Confidence calibration: were the owners' mid-cycle confidences honest forecasts?
 *
 * Each key result's forecast is p = confidence / 10 of its latest check-in dated on or before the cycle's midpoint;
 * its outcome is o = 1 when its final score is 1.0, else 0. The Brier score is mean((p − o)²): 0 is perfect, 0.25
 * is what always saying 5/10 earns, 1 is confidently wrong every time. Key results without such a check-in are
 * left out. See docs/METHOD.md, "Confidence calibration".
 */
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { isAtLeast, roundHalfUp } from './numbers.js';

export interface Forecast {
  /** Confidence 0–10 of the latest check-in on or before the midpoint. */
  readonly confidence: number;
  readonly finalScore: number;
}

export interface Calibration {
  readonly count: number;
  /** mean((p − o)²), rounded to 4 decimals; null when there is nothing to score. */
  readonly brier: number | null;
}

export interface ReliabilityBucket {
  readonly label: string;
  readonly minConfidence: number;
  readonly maxConfidence: number;
  readonly count: number;
  /** Mean p of the forecasts in the bucket. */
  readonly meanForecast: number | null;
  /** Share that reached their target (final score 1.0). */
  readonly reachedShare: number | null;
}

/** The midpoint of a cycle: its start plus half its length in days, rounded down. */
export function cycleMidpoint(startDate: IsoDate, endDate: IsoDate): IsoDate {
  return addDays(startDate, Math.floor(daysBetween(startDate, endDate) / 2));
}

const reached = (forecast: Forecast) => (isAtLeast(forecast.finalScore, 1) ? 1 : 0);
const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export function brierScore(forecasts: readonly Forecast[]): Calibration {
  const squared = forecasts.map((f) => (f.confidence / 10 - reached(f)) ** 2);
  const brier = mean(squared);
  return { count: forecasts.length, brier: brier === null ? null : roundHalfUp(brier, 4) };
}

/** Confidence buckets for the reliability chart: a calibrated owner's points lie on the diagonal. */
export const RELIABILITY_BUCKETS = [
  [0, 2],
  [3, 4],
  [5, 6],
  [7, 8],
  [9, 10],
] as const;

export function reliability(forecasts: readonly Forecast[]): ReliabilityBucket[] {
  return RELIABILITY_BUCKETS.map(([min, max]) => {
    const inBucket = forecasts.filter((f) => f.confidence >= min && f.confidence <= max);
    const forecastMean = mean(inBucket.map((f) => f.confidence / 10));
    const reachedMean = mean(inBucket.map(reached));
    return {
      label: `${min}–${max}`,
      minConfidence: min,
      maxConfidence: max,
      count: inBucket.length,
      meanForecast: forecastMean === null ? null : roundHalfUp(forecastMean, 4),
      reachedShare: reachedMean === null ? null : roundHalfUp(reachedMean, 4),
    };
  });
}

/** Brier score and count per key (person, team…), keys in first-seen order; forecasts without a key are skipped. */
export function brierBy<T extends Forecast>(forecasts: readonly T[], keyOf: (forecast: T) => string | null): Map<string, Calibration> {
  const groups = new Map<string, T[]>();
  for (const forecast of forecasts) {
    const key = keyOf(forecast);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(forecast);
    else groups.set(key, [forecast]);
  }
  return new Map([...groups].map(([key, group]) => [key, brierScore(group)]));
}

/**
 * The Brier score from totals kept by the database: `squaredTenths` is Σ (confidence − 10·o)², so that
 * (p − o)² = (confidence − 10·o)² / 100 is summed in integers, without float error.
 */
export function brierOfTotals(count: number, squaredTenths: number): Calibration {
  return { count, brier: count === 0 ? null : roundHalfUp(squaredTenths / 100 / count, 4) };
}

/**
 * Forecast: where will a key result end up if it keeps its current trend?
 *
 * A straight line is fitted by ordinary least squares through the history
 * points (x = days since cycle start, y = progress) and read off at the close
 * of the cycle, x = daysBetween(startDate, endDate) + 1: the same clock as
 * expected progress, so a key result that has tracked the pace line exactly
 * forecasts 1.0.
 *
 * - With fewer than two points the cycle start is added as (startDate, 0),
 *   so a single check-in projects the average speed since the start.
 * - If every point falls on the same day there is no trend; the forecast is
 *   their mean (the flat least-squares line).
 * - The result is clamped below at 0 but not above: like achievement, a
 *   forecast of 1.3 means on course to overshoot the target by 30%. Feed
 *   achievement values rather than progress to let overshoot show.
 *
 * A forecast is a hint for the owner; it never feeds status or scores.
 */
import { daysBetween, type IsoDate } from './dates.js';
import { assertFinite } from './numbers.js';
import { cycleLengthDays, type CycleDates } from './pace.js';

/** Progress (or achievement) observed on a date. */
export interface ProgressPoint {
  readonly date: IsoDate;
  readonly progress: number;
}

interface XY {
  readonly x: number;
  readonly y: number;
}

function toSamples(points: readonly ProgressPoint[], cycle: CycleDates): XY[] {
  const samples = points.map((point, index) => {
    assertFinite(point.progress, `points[${index}].progress`);
    return { x: daysBetween(cycle.startDate, point.date), y: point.progress };
  });
  if (samples.length < 2) samples.push({ x: 0, y: 0 });
  return samples;
}

/** Intercept and slope per day of the least-squares line through `samples`. */
function fitLine(samples: readonly XY[]): { intercept: number; slope: number } {
  const n = samples.length;
  if (n === 0) return { intercept: 0, slope: 0 };
  const meanX = samples.reduce((sum, s) => sum + s.x, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  for (const s of samples) {
    covariance += (s.x - meanX) * (s.y - meanY);
    varianceX += (s.x - meanX) ** 2;
  }
  if (varianceX === 0) return { intercept: meanY, slope: 0 }; // all on one day: no trend
  const slope = covariance / varianceX;
  return { intercept: meanY - slope * meanX, slope };
}

/** Projected progress at the close of the cycle; ≥ 0, may exceed 1. */
export function forecastProgress(points: readonly ProgressPoint[], cycle: CycleDates): number {
  const closeX = cycleLengthDays(cycle); // validates the cycle too
  const { intercept, slope } = fitLine(toSamples(points, cycle));
  const projected = intercept + slope * closeX;
  return projected > 0 ? projected : 0;
}

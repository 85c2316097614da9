/**
 * The four kinds of key result, as a discriminated union on `kind`.
 *
 * Only what the method needs to compute progress lives here (no ids, owners
 * or titles of the key result itself); the server and web app extend these
 * shapes with their own fields.
 */

/** Move a number from a start value to a target value (up or down). */
export interface MetricKeyResult {
  readonly kind: 'metric';
  readonly startValue: number;
  /** Above start means "increase", below means "decrease"; equal is invalid. */
  readonly targetValue: number;
  /** null means no value reported yet, which counts as the start value. */
  readonly currentValue: number | null;
}

/** Keep a number inside a band: at least `targetMin` and/or at most `targetMax`. */
export interface ThresholdKeyResult {
  readonly kind: 'threshold';
  readonly targetMin?: number | null;
  readonly targetMax?: number | null;
  /** null means no value reported yet, which counts as not maintained. */
  readonly currentValue: number | null;
}

/** One deliverable of a milestone key result. */
export interface Milestone {
  readonly title: string;
  /** How much this milestone counts; must be > 0. */
  readonly weight: number;
  readonly done: boolean;
}

/** Deliver a list of weighted milestones. */
export interface MilestoneKeyResult {
  readonly kind: 'milestone';
  readonly milestones: readonly Milestone[];
}

/**
 * Driven by the objectives aligned to it: it has no value of its own. Its
 * progress needs the aligned objectives' progress, passed in separately
 * because it comes from elsewhere in the graph.
 */
export interface RollupKeyResult {
  readonly kind: 'rollup';
}

/** What a key result measures and how far along it is. */
export type KeyResultMeasure = MetricKeyResult | ThresholdKeyResult | MilestoneKeyResult | RollupKeyResult;

/**
 * Progress of a key result.
 * - `progress`: 0–1, what feeds objectives, status and scores.
 * - `achievement`: unclamped for metrics (1.5 = 150% of the way, −0.2 = went
 *   backwards), equal to `progress` for the other kinds.
 */
export interface KeyResultProgress {
  readonly progress: number;
  readonly achievement: number;
}

/** Which way a metric should move. */
export type MetricDirection = 'increase' | 'decrease';

/** Direction implied by start and target; null when they are equal (invalid). */
export function metricDirection(metric: Pick<MetricKeyResult, 'startValue' | 'targetValue'>): MetricDirection | null {
  if (metric.targetValue > metric.startValue) return 'increase';
  if (metric.targetValue < metric.startValue) return 'decrease';
  return null;
}

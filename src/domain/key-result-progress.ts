/**
 * Progress of one key result, per kind.
 *
 * These functions assume input that passed `validateKeyResult`; on input the
 * validator would refuse they throw a RangeError rather than return a
 * plausible-looking number.
 */
import type { KeyResultMeasure, KeyResultProgress, MetricKeyResult, MilestoneKeyResult, ThresholdKeyResult } from './key-result.js';
import { assertFinite, clamp } from './numbers.js';
import { weightedMean, weightedMeanProgress, type WeightedProgress } from './weighted-mean.js';

/**
 * p = (current − start) / (target − start). The same formula serves increase
 * and decrease targets because the sign of the denominator flips with them.
 */
export function metricProgress(kr: MetricKeyResult): KeyResultProgress {
  assertFinite(kr.startValue, 'startValue');
  assertFinite(kr.targetValue, 'targetValue');
  if (kr.startValue === kr.targetValue) {
    throw new RangeError('targetValue must differ from startValue');
  }
  const current = kr.currentValue ?? kr.startValue; // no value yet = still at start
  assertFinite(current, 'currentValue');
  const raw = (current - kr.startValue) / (kr.targetValue - kr.startValue);
  const achievement = raw === 0 ? 0 : raw; // avoid −0 from a negative denominator
  return { achievement, progress: clamp(achievement, 0, 1) };
}

/** 1 while the current value satisfies every bound (inclusive), else 0. */
export function thresholdProgress(kr: ThresholdKeyResult): KeyResultProgress {
  const min = kr.targetMin ?? null;
  const max = kr.targetMax ?? null;
  if (min === null && max === null) {
    throw new RangeError('a threshold needs targetMin, targetMax or both');
  }
  if (min !== null) assertFinite(min, 'targetMin');
  if (max !== null) assertFinite(max, 'targetMax');
  if (min !== null && max !== null && min > max) {
    throw new RangeError(`targetMin (${min}) must not exceed targetMax (${max})`);
  }
  if (kr.currentValue === null) return { progress: 0, achievement: 0 };
  assertFinite(kr.currentValue, 'currentValue');
  const satisfied = (min === null || kr.currentValue >= min) && (max === null || kr.currentValue <= max);
  const progress = satisfied ? 1 : 0;
  return { progress, achievement: progress };
}

/** Weighted share of milestones done. */
export function milestoneProgress(kr: MilestoneKeyResult): KeyResultProgress {
  if (kr.milestones.length === 0) {
    throw new RangeError('a milestone key result needs at least one milestone');
  }
  const progress = weightedMean(kr.milestones.map((m) => ({ value: m.done ? 1 : 0, weight: m.weight })));
  return { progress, achievement: progress };
}

/** Weighted mean of the aligned objectives' progress; 0 when none are aligned. */
export function rollupProgress(aligned: readonly WeightedProgress[]): KeyResultProgress {
  const progress = clamp(weightedMeanProgress(aligned), 0, 1);
  return { progress, achievement: progress };
}

/**
 * Progress of any key result. `alignedObjectives` is only read for rollups:
 * the progress and weight of each objective aligned to this key result.
 */
export function keyResultProgress(kr: KeyResultMeasure, alignedObjectives: readonly WeightedProgress[] = []): KeyResultProgress {
  switch (kr.kind) {
    case 'metric':
      return metricProgress(kr);
    case 'threshold':
      return thresholdProgress(kr);
    case 'milestone':
      return milestoneProgress(kr);
    case 'rollup':
      return rollupProgress(alignedObjectives);
    default:
      return assertNever(kr);
  }
}

function assertNever(value: never): never {
  throw new RangeError(`unknown key result kind: ${JSON.stringify(value)}`);
}

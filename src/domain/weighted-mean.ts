/**
 * The weighted mean behind milestone, rollup and objective progress.
 *
 * Weights are how much an item counts towards its parent. A weight of 0 or
 * less (or NaN/Infinity) is always a data error; silently skipping it would
 * show a progress number nobody can explain, so we throw instead.
 */
import { assertFinite, assertFraction } from './numbers.js';

/** One item of a weighted mean. */
export interface WeightedValue {
  readonly value: number;
  readonly weight: number;
}

/** One child contributing its progress (0–1) with a weight. */
export interface WeightedProgress {
  readonly progress: number;
  readonly weight: number;
}

/** True for a usable weight: a finite number greater than 0. */
export function isValidWeight(weight: number): boolean {
  return Number.isFinite(weight) && weight > 0;
}

/** Throws a RangeError for a weight that is not finite and > 0. */
export function assertValidWeight(weight: number, name = 'weight'): void {
  if (!isValidWeight(weight)) {
    throw new RangeError(`${name} must be a finite number greater than 0, got ${weight}`);
  }
}

/**
 * Σ(value × weight) / Σ(weight). Returns 0 for an empty list (nothing to
 * average means nothing achieved). Throws RangeError on an invalid weight
 * or a non-finite value.
 */
export function weightedMean(items: readonly WeightedValue[]): number {
  let weightedSum = 0;
  let totalWeight = 0;
  // A plain loop naming the culprit only when there is one: roll-ups call this for every objective of a cycle.
  for (let index = 0; index < items.length; index++) {
    const { value, weight } = items[index]!;
    if (!isValidWeight(weight)) assertValidWeight(weight, `items[${index}].weight`);
    if (!Number.isFinite(value)) assertFinite(value, `items[${index}].value`);
    weightedSum += value * weight;
    totalWeight += weight;
  }
  if (totalWeight === 0) return 0;
  const mean = weightedSum / totalWeight;
  return mean === 0 ? 0 : mean;
}

/**
 * Weighted mean of children's progress; same rules as {@link weightedMean},
 * and each progress must be within 0–1 (passing an unclamped achievement by
 * mistake would otherwise inflate the parent).
 */
export function weightedMeanProgress(items: readonly WeightedProgress[]): number {
  for (let index = 0; index < items.length; index++) {
    const { progress } = items[index]!;
    if (!(progress >= 0 && progress <= 1)) assertFraction(progress, `items[${index}].progress`);
  }
  // weightedMean's loop over the progresses themselves, without a copy of each item: the same sums in the same order.
  let weightedSum = 0;
  let totalWeight = 0;
  for (let index = 0; index < items.length; index++) {
    const { progress, weight } = items[index]!;
    if (!isValidWeight(weight)) assertValidWeight(weight, `items[${index}].weight`);
    weightedSum += progress * weight;
    totalWeight += weight;
  }
  if (totalWeight === 0) return 0;
  const mean = weightedSum / totalWeight;
  return mean === 0 ? 0 : mean;
}

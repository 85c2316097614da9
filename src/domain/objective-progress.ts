/**
 * Progress of an objective.
 *
 * An objective is a weighted mean of the things that drive it: its own key
 * results, the child objectives aligned to it, or both. With `both`, key
 * results and child objectives form one pool, each item with its own weight;
 * there is no hidden 50/50 split between the two groups.
 */
import { clamp } from './numbers.js';
import type { ProgressDriver } from './vocabulary.js';
import { weightedMeanProgress, type WeightedProgress } from './weighted-mean.js';

/** What an objective's progress is computed from. */

/** Inputs of an objective's progress: its children, each with progress 0–1 and a weight. */
export interface ObjectiveProgressInput {
  readonly driver: ProgressDriver;
  /** The objective's key results: their `progress` (not achievement) and weight. */
  readonly keyResults: readonly WeightedProgress[];
  /** Objectives aligned to this one (directly or via one of its key results). */
  readonly alignedObjectives: readonly WeightedProgress[];
}

/** The items the driver says to average, in one pool. */
export function progressItems(input: ObjectiveProgressInput): readonly WeightedProgress[] {
  switch (input.driver) {
    case 'key_results':
      return input.keyResults;
    case 'aligned':
      return input.alignedObjectives;
    case 'both':
      return [...input.keyResults, ...input.alignedObjectives];
    default:
      throw new RangeError(`unknown progress driver: ${String(input.driver)}`);
  }
}

/**
 * Weighted mean of the driver's items; 0 when there is nothing to average.
 * Throws RangeError on a weight ≤ 0 / non-finite, or a progress outside 0–1.
 */
export function objectiveProgress(input: ObjectiveProgressInput): number {
  // Clamp only absorbs float noise; inputs are already checked to be 0–1.
  return clamp(weightedMeanProgress(progressItems(input)), 0, 1);
}

/**
 * The review of a cycle: what score to propose for a key result, and what outcome to propose for an
 * objective in its closing note. The owner confirms or changes both; these are only the starting point.
 */
import { isObjectiveSuccessful } from './grading.js';
import { assertFinite, isAtLeast } from './numbers.js';
import type { ObjectiveType, Outcome } from './vocabulary.js';

/** At or above this score an objective that did not succeed still partially did. */
export const PARTIAL_THRESHOLD = 0.4;

/**
 * committed: achieved at 1.0; aspirational: achieved at ≥ 0.7; either: partially at ≥ 0.4, missed below.
 * No score yet (nothing measured) proposes missed.
 */
export function proposeOutcome(score: number | null, type: ObjectiveType): Outcome {
  if (score === null) return 'missed';
  assertFinite(score, 'score');
  if (isObjectiveSuccessful(score, type)) return 'achieved';
  return isAtLeast(score, PARTIAL_THRESHOLD) ? 'partially' : 'missed';
}

/** Scores are proposed from progress at the cycle's end date, or today while the end is still ahead. */
export function proposalDate(endDate: string, today: string): string {
  return today < endDate ? today : endDate;
}

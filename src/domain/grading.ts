/**
 * Reading a final score: did the objective succeed, and what colour is it?
 *
 * Committed objectives are promises, so only full delivery (1.0) counts as
 * success. Aspirational objectives are set to stretch, so 0.7 is success.
 * The grade colour is the same for every type so scores read alike.
 */
import { assertFinite, isAtLeast } from './numbers.js';
import type { ObjectiveType } from './vocabulary.js';

/** Committed: must be delivered. Aspirational: a stretch goal. */

/** The score at or above which an objective of each type has succeeded. */
export const SUCCESS_THRESHOLDS: Readonly<Record<ObjectiveType, number>> = Object.freeze({
  committed: 1.0,
  aspirational: 0.7,
});

/** True when `score` reaches the success threshold of the objective's type. */
export function isObjectiveSuccessful(score: number, type: ObjectiveType): boolean {
  assertFinite(score, 'score');
  const threshold = SUCCESS_THRESHOLDS[type];
  if (threshold === undefined) throw new RangeError(`unknown objective type: ${String(type)}`);
  return isAtLeast(score, threshold);
}

export type GradeColour = 'green' | 'yellow' | 'red';

/** Lower bounds of each colour, best first. */
export const GRADE_THRESHOLDS: readonly { readonly colour: GradeColour; readonly min: number }[] = Object.freeze([
  { colour: 'green', min: 0.7 },
  { colour: 'yellow', min: 0.4 },
  { colour: 'red', min: Number.NEGATIVE_INFINITY },
]);

/** green ≥ 0.7, yellow ≥ 0.4, red below. */
export function gradeColour(score: number): GradeColour {
  assertFinite(score, 'score');
  for (const grade of GRADE_THRESHOLDS) {
    if (isAtLeast(score, grade.min)) return grade.colour;
  }
  return 'red';
}

/** A closed objective's verdict by its type; null until it has a score. */
export type ObjectiveVerdict = 'met' | 'missed';

/** committed: met at ≥ 1.0; aspirational: met at ≥ 0.7 (SUCCESS_THRESHOLDS). */
export function objectiveVerdict(score: number | null, type: ObjectiveType): ObjectiveVerdict | null {
  if (score === null) return null;
  return isObjectiveSuccessful(score, type) ? 'met' : 'missed';
}

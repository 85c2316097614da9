/**
 * Shared validation vocabulary and the small validators.
 *
 * Validators never throw: they return every problem found, each naming the
 * field as the API spells it (camelCase, with indices such as
 * `keyResults[2].weight`), so a form can show them all next to their inputs.
 */
import { isValidWeight } from './weighted-mean.js';

/** One thing wrong with an input. */
export interface ValidationProblem {
  readonly field: string;
  readonly message: string;
}

export const CONFIDENCE_MIN = 0;
export const CONFIDENCE_MAX = 10;

/** Confidence is the owner's 0–10 gut feeling: a whole number in that range. */
export function validateConfidence(value: number, field = 'confidence'): ValidationProblem[] {
  if (!Number.isInteger(value) || value < CONFIDENCE_MIN || value > CONFIDENCE_MAX) {
    return [
      {
        field,
        message: `must be a whole number from ${CONFIDENCE_MIN} to ${CONFIDENCE_MAX}`,
      },
    ];
  }
  return [];
}

/** The problem for one weight, if any. */
export function weightProblems(weight: number, field: string): ValidationProblem[] {
  return isValidWeight(weight) ? [] : [{ field, message: 'must be a number greater than 0' }];
}

/** Finite-number check for required numeric fields. */
export function finiteNumberProblems(value: number, field: string): ValidationProblem[] {
  return Number.isFinite(value) ? [] : [{ field, message: 'must be a finite number' }];
}

/** Weights relevant to an objective: its own and those of the items averaged into it. */
export interface ObjectiveWeightsInput {
  /** The objective's weight in whatever it is aligned to. */
  readonly weight?: number;
  readonly keyResults?: readonly { readonly weight: number }[];
  /** Weights of the alignment links from child objectives to this one. */
  readonly alignedObjectives?: readonly { readonly weight: number }[];
}

/** Every weight must be a finite number > 0 (0 would hide an item, not weigh it). */
export function validateObjectiveWeights(input: ObjectiveWeightsInput): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (input.weight !== undefined) problems.push(...weightProblems(input.weight, 'weight'));
  (input.keyResults ?? []).forEach((kr, index) => {
    problems.push(...weightProblems(kr.weight, `keyResults[${index}].weight`));
  });
  (input.alignedObjectives ?? []).forEach((link, index) => {
    problems.push(...weightProblems(link.weight, `alignedObjectives[${index}].weight`));
  });
  return problems;
}

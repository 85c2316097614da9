/**
 * Scores when a cycle closes.
 *
 * A key result's score is its progress at the cycle's end date rounded to
 * two decimals. Its owner may override it (say a metric was gamed, or the
 * target became moot) but must give a reason, which is kept with the score.
 * An objective's score is the same weighted mean as its progress, taken over
 * the scores instead, and rounded the same way.
 */
import { assertFraction, roundHalfUp } from './numbers.js';
import { objectiveProgress } from './objective-progress.js';
import type { ProgressDriver } from './vocabulary.js';
import type { ValidationProblem } from './validation.js';

/** Scores are shown and stored with two decimals. */
export const SCORE_DECIMALS = 2;

/** Round half up to 2 decimals, robust to float error (0.675 → 0.68). */
export function roundScore(value: number): number {
  return roundHalfUp(value, SCORE_DECIMALS);
}

/** An owner's replacement for a computed score. */
export interface ScoreOverride {
  readonly score: number;
  readonly reason: string;
}

/** The score must be 0–1 and the reason must say something. */
export function validateScoreOverride(override: ScoreOverride): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (!Number.isFinite(override.score) || override.score < 0 || override.score > 1) {
    problems.push({ field: 'score', message: 'must be a number between 0 and 1' });
  }
  if (override.reason.trim() === '') {
    problems.push({ field: 'reason', message: 'explain why the score is overridden' });
  }
  return problems;
}

/** A key result's final score, with what was computed kept for audit. */
export interface KeyResultScore {
  /** The score that counts: the override if any, else the computed one. */
  readonly score: number;
  /** Progress at endDate, rounded. */
  readonly computedScore: number;
  readonly override: ScoreOverride | null;
}

/**
 * Score of a key result from its progress (0–1) at endDate. Throws
 * RangeError if progress is outside 0–1 or the override is invalid.
 */
export function keyResultScore(progressAtEnd: number, override: ScoreOverride | null = null): KeyResultScore {
  assertFraction(progressAtEnd, 'progressAtEnd');
  const computedScore = roundScore(progressAtEnd);
  if (override === null) return { score: computedScore, computedScore, override: null };
  const problems = validateScoreOverride(override);
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.field} ${p.message}`).join('; ');
    throw new RangeError(`invalid score override: ${detail}`);
  }
  return { score: roundScore(override.score), computedScore, override };
}

/** A child's score with its weight. */
export interface WeightedScore {
  readonly score: number;
  readonly weight: number;
}

/** Inputs of an objective's score, mirroring `ObjectiveProgressInput`. */
export interface ObjectiveScoreInput {
  readonly driver: ProgressDriver;
  readonly keyResults: readonly WeightedScore[];
  readonly alignedObjectives: readonly WeightedScore[];
}

/** Weighted mean of the driver's scores, rounded to 2 decimals; 0 when empty. */
export function objectiveScore(input: ObjectiveScoreInput): number {
  const asProgress = (items: readonly WeightedScore[]) => items.map((item) => ({ progress: item.score, weight: item.weight }));
  return roundScore(
    objectiveProgress({
      driver: input.driver,
      keyResults: asProgress(input.keyResults),
      alignedObjectives: asProgress(input.alignedObjectives),
    }),
  );
}

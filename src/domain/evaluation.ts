/**
 * Evaluating a cycle once it is scored: how objectives ended by type, how key-result scores spread, whether
 * aspirational goals were set too safely, and whether check-ins came when due. Pure: the service passes the scores.
 */
import { isAtLeast, roundHalfUp } from './numbers.js';
import type { LessonOutcome } from './learning-vocabulary.js';
import type { ObjectiveType } from './vocabulary.js';

export interface ScoredObjective {
  readonly type: ObjectiveType;
  readonly score: number;
}

export interface ScoredKeyResult {
  readonly objectiveType: ObjectiveType;
  readonly score: number;
}

/** achieved at the type's success threshold (committed 1.0, aspirational 0.7), partially from 0.4, missed below. */
export function outcomeOfScore(score: number, type: ObjectiveType): LessonOutcome {
  if (isAtLeast(score, type === 'committed' ? 1 : 0.7)) return 'achieved';
  return isAtLeast(score, 0.4) ? 'partially' : 'missed';
}

const share = (part: number, whole: number) => (whole === 0 ? null : roundHalfUp(part / whole, 4));

export interface TypeSummary {
  count: number;
  achieved: number;
  partially: number;
  missed: number;
  /** achieved / count: the measure that matters for committed objectives. */
  achievedShare: number | null;
  meanScore: number | null;
  /** Share scoring ≥ 0.7: the measure that matters for aspirational objectives. */
  shareAtLeast07: number | null;
}

export function summariseObjectives(objectives: readonly ScoredObjective[], type: ObjectiveType): TypeSummary {
  const ofType = objectives.filter((o) => o.type === type);
  const outcomes = ofType.map((o) => outcomeOfScore(o.score, o.type));
  const count = ofType.length;
  const achieved = outcomes.filter((o) => o === 'achieved').length;
  return {
    count,
    achieved,
    partially: outcomes.filter((o) => o === 'partially').length,
    missed: outcomes.filter((o) => o === 'missed').length,
    achievedShare: share(achieved, count),
    meanScore: count === 0 ? null : roundHalfUp(ofType.reduce((sum, o) => sum + o.score, 0) / count, 4),
    shareAtLeast07: share(ofType.filter((o) => isAtLeast(o.score, 0.7)).length, count),
  };
}

export interface ScoreBands {
  /** below 0.4 */
  low: number;
  /** 0.4 to 0.69 */
  middle: number;
  /** 0.7 and above */
  high: number;
}

export function scoreBands(keyResults: readonly ScoredKeyResult[]): ScoreBands {
  const bands = { low: 0, middle: 0, high: 0 };
  for (const kr of keyResults) {
    if (isAtLeast(kr.score, 0.7)) bands.high += 1;
    else if (isAtLeast(kr.score, 0.4)) bands.middle += 1;
    else bands.low += 1;
  }
  return bands;
}

/** Stretch goals all hit in full were not stretching: flagged when ≥ 3/4 of aspirational key results scored 1.0. */
export function tooSafe(keyResults: readonly ScoredKeyResult[]): { aspirational: number; perfect: number; tooSafe: boolean } {
  const aspirational = keyResults.filter((kr) => kr.objectiveType === 'aspirational');
  const perfect = aspirational.filter((kr) => isAtLeast(kr.score, 1)).length;
  return { aspirational: aspirational.length, perfect, tooSafe: aspirational.length > 0 && perfect * 4 >= aspirational.length * 3 };
}

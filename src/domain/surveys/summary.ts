import { SCALE_MAX, SCALE_MIN } from './answers.js';
import type { SurveyQuestionKind } from '../vocabulary.js';

export interface QuestionSummary {
  answered: number;
  /** Scale: the mean of 1–5. Yes/no: the share of yes from 0 to 1. Text: null. */
  average: number | null;
  /** Scale only: how many chose 1, 2, 3, 4, 5. */
  distribution: number[] | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** One question's figures from the stored scores of one group (text answers are listed, not summarised). */
export function summarizeScores(kind: SurveyQuestionKind, scores: readonly number[]): QuestionSummary {
  if (kind === 'text') return { answered: scores.length, average: null, distribution: null };
  const average = scores.length === 0 ? null : round2(scores.reduce((sum, s) => sum + s, 0) / scores.length);
  if (kind === 'yes_no') return { answered: scores.length, average, distribution: null };
  const distribution = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, () => 0);
  for (const score of scores) distribution[score - SCALE_MIN]! += 1;
  return { answered: scores.length, average, distribution };
}

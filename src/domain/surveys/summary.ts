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

/**
 * `summarizeScores` from how many times each score was given (`counts[score]`), as the database counts them: the
 * same figures without spelling out one array entry per answer (10,000 responses make 20,000 entries).
 */
export function summarizeScoreCounts(kind: SurveyQuestionKind, counts: readonly number[]): QuestionSummary {
  let answered = 0;
  let sum = 0;
  counts.forEach((n, score) => {
    answered += n;
    sum += n * score;
  });
  if (kind === 'text') return { answered, average: null, distribution: null };
  const average = answered === 0 ? null : round2(sum / answered);
  if (kind === 'yes_no') return { answered, average, distribution: null };
  const distribution = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => counts[i + SCALE_MIN] ?? 0);
  return { answered, average, distribution };
}

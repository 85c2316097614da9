import type { SurveyQuestionKind } from '../vocabulary.js';

/** The lowest and highest point of the agreement scale ("strongly disagree" … "strongly agree"). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const TEXT_ANSWER_MAX = 2000;

export type AnswerValue = number | boolean | string;
/** What is stored: a score (scale 1–5, yes = 1 / no = 0) or a text, never both. */
export type StoredAnswer = { score: number; text: null } | { score: null; text: string };

/** Turns an answer into what is stored, or says why it does not fit the question. */
export function readAnswer(kind: SurveyQuestionKind, value: AnswerValue): StoredAnswer | { problem: string } {
  switch (kind) {
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < SCALE_MIN || value > SCALE_MAX)
        return { problem: `Answer with a whole number from ${SCALE_MIN} to ${SCALE_MAX}.` };
      return { score: value, text: null };
    case 'yes_no':
      if (typeof value !== 'boolean') return { problem: 'Answer yes (true) or no (false).' };
      return { score: value ? 1 : 0, text: null };
    case 'text': {
      if (typeof value !== 'string') return { problem: 'Answer with text.' };
      const text = value.trim();
      if (text.length === 0) return { problem: 'Write something, or leave the question out.' };
      if (text.length > TEXT_ANSWER_MAX) return { problem: `Keep it under ${TEXT_ANSWER_MAX} characters.` };
      return { score: null, text };
    }
  }
}

/** Free text is optional; scale and yes/no questions must be answered so a group's averages share one base. */
export const answerRequired = (kind: SurveyQuestionKind) => kind !== 'text';

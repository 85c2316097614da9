import type { SurveyQuestionKind } from '../vocabulary.js';

/** A question's theme lines its scores up across rounds and beside the adoption figures. */
export const SURVEY_THEMES = ['clarity', 'leadership_support'] as const;
export type SurveyTheme = (typeof SURVEY_THEMES)[number];

export interface QuestionTemplate {
  kind: SurveyQuestionKind;
  text: string;
  theme?: SurveyTheme;
}

export const CLARITY_QUESTION: QuestionTemplate = {
  kind: 'scale',
  theme: 'clarity',
  text: "I understand how my work contributes to the company's objectives.",
};

export const LEADERSHIP_SUPPORT_QUESTION: QuestionTemplate = {
  kind: 'scale',
  theme: 'leadership_support',
  text: 'My leader helped me set and pursue our OKRs.',
};

/** Ready-made surveys the builder starts from; every question can be changed or removed. */
export const SURVEY_TEMPLATES: readonly { id: string; title: string; questions: readonly QuestionTemplate[] }[] = [
  {
    id: 'clarity',
    title: 'Clarity pulse',
    questions: [CLARITY_QUESTION, { kind: 'text', text: 'What would make our objectives clearer?' }],
  },
  {
    id: 'rollout-pulse',
    title: 'OKR rollout pulse',
    questions: [
      CLARITY_QUESTION,
      LEADERSHIP_SUPPORT_QUESTION,
      { kind: 'yes_no', text: 'Did you check in on your key results every week this month?' },
      { kind: 'scale', text: 'The time I spend on OKRs is worth it.' },
      { kind: 'text', text: 'What should change in how we run OKRs?' },
    ],
  },
];

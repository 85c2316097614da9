/** The words of the learning features: where a lesson comes from, how an objective ended, and the lengths allowed. */

/** How an objective ended, as its closing note says (proposed from its score and type). */
export { OUTCOMES as LESSON_OUTCOMES, type Outcome as LessonOutcome } from './vocabulary.js';

/** Lessons are written in closing notes and retrospectives; each source replaces its own lessons. */
export const LESSON_SOURCE_KINDS = ['closing_note', 'retrospective'] as const;
export type LessonSourceKind = (typeof LESSON_SOURCE_KINDS)[number];

export const LESSON_TEXT_MAX = 500;
export const LESSON_TAG_MAX = 40;
export const LESSON_TAGS_MAX = 10;
export const RETROSPECTIVE_FIELD_MAX = 20_000;
export const RETROSPECTIVE_ACTION_MAX = 500;

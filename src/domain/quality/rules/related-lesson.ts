/**
 * "Learn from earlier cycles": when the organisation wrote down a lesson that shares words with this objective's
 * title or key results (the lessons library's own search, best match first), the coach names it while the
 * objective is written. It points at something to read rather than at a flaw, so it costs no quality points
 * (see `pointer` in types.ts) and stays silent once the objective runs.
 */
import type { QualityRule } from '../types.js';

const OUTCOME_WORDS = { achieved: 'achieved', partially: 'partially achieved', missed: 'missed' } as const;

export const relatedLesson: QualityRule = {
  id: 'related-lesson',
  title: 'Learn from earlier cycles',
  defaultSeverity: 'tip',
  pointer: true,
  why: 'What went well or badly last time is the cheapest evidence there is. Reading the closest lesson before setting targets keeps the organisation from repeating a mistake it already paid for.',
  weakExample: 'Launch the self-serve onboarding (the lesson "Onboarding stalled without a clear owner" is not read)',
  strongExample: 'Launch the self-serve onboarding, owned by one person from day one, as the Q1 lesson advised',
  check(objective, context) {
    const lesson = context.relatedLesson;
    if (!lesson || (objective.status !== undefined && objective.status !== 'draft')) return [];
    const where = [lesson.cycleName, lesson.teamName, lesson.outcome ? `objective ${OUTCOME_WORDS[lesson.outcome]}` : null];
    return [
      {
        field: 'title',
        message: `A lesson from ${where.filter(Boolean).join(', ')} may apply: “${lesson.text}”`,
        suggestion: 'Read it before you set the targets: does this objective plan for it?',
        lessonId: lesson.id,
      },
    ];
  },
};

/**
 * A lesson is a short text with a few tags. Both come from people typing fast, so they are normalised (trimmed,
 * tags lower-cased without a leading '#', duplicates dropped) before they are checked and stored.
 */
import { LESSON_TAG_MAX, LESSON_TAGS_MAX, LESSON_TEXT_MAX } from './learning-vocabulary.js';
import type { ValidationProblem } from './validation.js';

export interface LessonInput {
  readonly text: string;
  readonly tags: readonly string[];
}

export interface Lesson {
  readonly text: string;
  readonly tags: string[];
}

const normaliseTag = (tag: string) => tag.trim().replace(/^#+/, '').toLowerCase();

/** Trimmed text and clean, unique tags; empty lessons are dropped (an empty line in an editor is not a lesson). */
export function normaliseLessons(lessons: readonly LessonInput[]): Lesson[] {
  return lessons
    .map((lesson) => ({ text: lesson.text.trim(), tags: [...new Set(lesson.tags.map(normaliseTag).filter((tag) => tag !== ''))] }))
    .filter((lesson) => lesson.text !== '');
}

/** Every problem with normalised lessons, naming `lessons[i].text` or `lessons[i].tags[j]`. */
export function validateLessons(lessons: readonly Lesson[], field = 'lessons'): ValidationProblem[] {
  return lessons.flatMap((lesson, i) => [
    ...(lesson.text.length > LESSON_TEXT_MAX
      ? [{ field: `${field}[${i}].text`, message: `must be at most ${LESSON_TEXT_MAX} characters` }]
      : []),
    ...(lesson.tags.length > LESSON_TAGS_MAX ? [{ field: `${field}[${i}].tags`, message: `at most ${LESSON_TAGS_MAX} tags` }] : []),
    ...lesson.tags.flatMap((tag, j) =>
      tag.length > LESSON_TAG_MAX || /\s/.test(tag)
        ? [{ field: `${field}[${i}].tags[${j}]`, message: `a tag is one word of at most ${LESSON_TAG_MAX} characters` }]
        : [],
    ),
  ]);
}

/**
 * Lessons written as lines in a retrospective: one lesson per line, `#words` are its tags and leave the text.
 * "Ship smaller slices #delivery" → { text: "Ship smaller slices", tags: ["delivery"] }.
 */
export function lessonsFromLines(text: string): Lesson[] {
  return normaliseLessons(
    text.split('\n').map((line) => ({
      text: line
        .replace(/(^|\s)#[\p{L}\p{N}_-]+/gu, ' ')
        .replace(/^\s*[-*•]\s*/, '')
        .replace(/\s+/g, ' '),
      tags: [...line.matchAll(/(?:^|\s)#([\p{L}\p{N}_-]+)/gu)].map((match) => match[1]!),
    })),
  );
}

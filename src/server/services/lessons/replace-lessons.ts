import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { lessons } from '../../../db/schema/index.js';
import type { LessonOutcome, LessonSourceKind } from '../../../domain/learning-vocabulary.js';
import { normaliseLessons, validateLessons, type LessonInput } from '../../../domain/lessons.js';
import { invalidFields } from '../../errors.js';

/** Where a set of lessons comes from: the closing note or retrospective that wrote them, and what they are about. */
export interface LessonSource {
  orgId: string;
  sourceKind: LessonSourceKind;
  sourceId: string;
  teamId: string | null;
  cycleId: string;
  objectiveId: string | null;
  outcome: LessonOutcome | null;
  authorId: string | null;
}

/**
 * Makes `source`'s lessons exactly `input`, inside the caller's transaction (so a note or retrospective and its
 * indexed lessons commit together). Throws `validation-failed` naming `lessons[i].…` and changes nothing when a
 * lesson is too long or a tag malformed. Returns the lessons as stored.
 */
export async function replaceLessons(tx: Executor, source: LessonSource, input: readonly LessonInput[]) {
  const normalised = normaliseLessons(input);
  const problems = validateLessons(normalised);
  if (problems.length > 0) throw invalidFields(problems);
  await tx
    .delete(lessons)
    .where(and(eq(lessons.orgId, source.orgId), eq(lessons.sourceKind, source.sourceKind), eq(lessons.sourceId, source.sourceId)));
  if (normalised.length === 0) return [];
  return tx
    .insert(lessons)
    .values(normalised.map((lesson) => ({ ...source, text: lesson.text, tags: lesson.tags })))
    .returning({ id: lessons.id, text: lessons.text, tags: lessons.tags });
}

import { and, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';
import { searchLessons, type FoundLesson, type LessonQuery } from './search-lessons.js';

/**
 * The lessons search for one reader: a lesson is the organisation's, but the objective it came from is
 * named only when the reader may see that objective (an assistant must not learn a private title from it).
 */
export async function searchLessonsFor(db: Executor, reader: Reader, query: LessonQuery): Promise<FoundLesson[]> {
  const found = await searchLessons(db, reader.orgId, query);
  const ids = [...new Set(found.flatMap((l) => (l.objectiveId ? [l.objectiveId] : [])))];
  const visible = ids.length
    ? new Set(
        (
          await db
            .select({ id: objectives.id })
            .from(objectives)
            .where(and(inArray(objectives.id, ids), objectiveVisibleTo(reader)))
        ).map((o) => o.id),
      )
    : new Set<string>();
  return found.map((l) => (l.objectiveId && !visible.has(l.objectiveId) ? { ...l, objectiveId: null, objectiveTitle: null } : l));
}

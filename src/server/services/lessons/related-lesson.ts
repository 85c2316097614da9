import type { RelatedLesson } from '../../../domain/quality/index.js';
import type { Executor } from '../../../db/database.js';
import { searchLessons } from './search-lessons.js';
import type { Reader } from '../visibility/objective-visible.js';

/**
 * The lesson most related to what an objective says (its title and key results), for the quality coach: the same
 * ranked any-word search as the editor's "Lessons from earlier cycles", leaving out the objective's own lessons.
 */
export async function bestRelatedLesson(
  db: Executor,
  reader: Reader,
  objective: { id?: string; title: string; keyResults: readonly { title: string }[] },
): Promise<RelatedLesson | undefined> {
  const text = [objective.title, ...objective.keyResults.map((kr) => kr.title)].join(' ').trim();
  if (text.length < 3) return undefined;
  const found = await searchLessons(db, reader, { q: text, match: 'any', limit: 3 });
  const best = found.find((lesson) => !objective.id || lesson.objectiveId !== objective.id);
  return best && { id: best.id, text: best.text, cycleName: best.cycleName, teamName: best.teamName, outcome: best.outcome };
}

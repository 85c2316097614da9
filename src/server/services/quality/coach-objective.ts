import { checkQuality, type QualityReport } from '../../../domain/quality/index.js';
import type { Executor } from '../../../db/database.js';
import type { objectives } from '../../../db/schema/index.js';
import { bestRelatedLesson } from '../lessons/related-lesson.js';
import { organizationToday } from '../okrs/organization-today.js';
import { draftOfObjective } from './objective-draft.js';
import { loadPrinciples } from './principles.js';
import type { Reader } from '../visibility/objective-visible.js';

/** The quality coach on a saved objective, as GET /objectives/{id}/quality runs it (a draft is pointed at lessons too). */
export async function coachObjective(
  db: Executor,
  reader: Reader,
  objective: typeof objectives.$inferSelect,
  now: Date,
): Promise<QualityReport> {
  const { draft, context } = await draftOfObjective(db, objective, await organizationToday(db, objective.orgId, now));
  const relatedLesson = draft.status === 'draft' ? await bestRelatedLesson(db, reader, draft) : undefined;
  return checkQuality(draft, { ...context, relatedLesson }, (await loadPrinciples(db, objective.orgId)).resolved);
}

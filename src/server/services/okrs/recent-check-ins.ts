import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { checkIns, keyResults, objectives, users } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/** The latest check-ins by one person or on one team's objectives, with what they were about. */
export function recentCheckIns(db: Executor, reader: Reader, filter: { authorId?: string; teamId?: string }, limit = 20) {
  const conditions: SQL[] = [eq(checkIns.orgId, reader.orgId), eq(checkIns.deleted, false), objectiveVisibleTo(reader)];
  if (filter.authorId) conditions.push(eq(checkIns.authorId, filter.authorId));
  if (filter.teamId) conditions.push(eq(objectives.teamId, filter.teamId));
  return db
    .select({
      id: checkIns.id,
      asOf: checkIns.asOf,
      value: checkIns.value,
      confidence: checkIns.confidence,
      note: checkIns.note,
      blockers: checkIns.blockers,
      createdAt: checkIns.createdAt,
      keyResultId: keyResults.id,
      keyResultTitle: keyResults.title,
      unit: keyResults.unit,
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      authorName: users.name,
    })
    .from(checkIns)
    .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(and(...conditions))
    .orderBy(desc(checkIns.asOf), desc(checkIns.createdAt))
    .limit(limit);
}

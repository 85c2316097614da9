import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { activities, checkIns, keyResults, users } from '../../../db/schema/index.js';

/** The history of an objective: changes to it, its key results and their check-ins, newest first. */
export async function objectiveActivity(db: Executor, orgId: string, objectiveId: string, limit = 100) {
  const krIds = (await db.select({ id: keyResults.id }).from(keyResults).where(eq(keyResults.objectiveId, objectiveId))).map((k) => k.id);
  const checkInIds = krIds.length
    ? (await db.select({ id: checkIns.id }).from(checkIns).where(inArray(checkIns.keyResultId, krIds))).map((c) => c.id)
    : [];
  const about = [
    and(eq(activities.entityType, 'objective'), eq(activities.entityId, objectiveId)),
    ...(krIds.length ? [and(eq(activities.entityType, 'key_result'), inArray(activities.entityId, krIds))] : []),
    ...(checkInIds.length ? [and(eq(activities.entityType, 'check_in'), inArray(activities.entityId, checkInIds))] : []),
  ];
  return db
    .select({
      id: activities.id,
      action: activities.action,
      entityType: activities.entityType,
      entityId: activities.entityId,
      before: activities.before,
      after: activities.after,
      via: activities.via,
      createdAt: activities.createdAt,
      actorName: users.name,
    })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorId))
    .where(and(eq(activities.orgId, orgId), or(...about)))
    .orderBy(desc(activities.createdAt))
    .limit(limit);
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectiveViewers, users } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/** The named viewers must be people of the organisation; the first stranger is named by its index. */
export async function checkViewers(tx: Executor, orgId: string, viewerIds: readonly string[] | undefined): Promise<void> {
  if (!viewerIds?.length) return;
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, [...viewerIds])));
  const known = new Set(found.map((u) => u.id));
  const stranger = viewerIds.findIndex((id) => !known.has(id));
  if (stranger >= 0) throw notFound('The person', `viewerIds[${stranger}]`);
}

/** Replaces the named viewers of an objective (undefined: unchanged). */
export async function writeViewers(tx: Executor, orgId: string, objectiveId: string, viewerIds: readonly string[] | undefined) {
  if (viewerIds === undefined) return;
  await tx.delete(objectiveViewers).where(and(eq(objectiveViewers.orgId, orgId), eq(objectiveViewers.objectiveId, objectiveId)));
  const unique = [...new Set(viewerIds)];
  if (unique.length > 0) await tx.insert(objectiveViewers).values(unique.map((userId) => ({ orgId, objectiveId, userId })));
}

/** The named viewers of these objectives, by objective id (for the views). */
export async function viewersOf(db: Executor, orgId: string, objectiveIds: readonly string[]): Promise<Map<string, string[]>> {
  const byObjective = new Map<string, string[]>();
  if (objectiveIds.length === 0) return byObjective;
  const rows = await db
    .select({ objectiveId: objectiveViewers.objectiveId, userId: objectiveViewers.userId })
    .from(objectiveViewers)
    .where(and(eq(objectiveViewers.orgId, orgId), inArray(objectiveViewers.objectiveId, [...objectiveIds])));
  for (const row of rows) byObjective.set(row.objectiveId, [...(byObjective.get(row.objectiveId) ?? []), row.userId]);
  return byObjective;
}

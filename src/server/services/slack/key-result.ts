import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { keyResults, objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { keyResultIdVisibleTo } from '../visibility/objective-visible.js';

/** What the check-in modal needs of a key result the actor may see; null when it is gone or hidden. */
export async function keyResultForSlack(db: Executor, actor: Actor, keyResultId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(keyResultId)) return null;
  const [row] = await db
    .select({
      id: keyResults.id,
      title: keyResults.title,
      kind: keyResults.kind,
      unit: keyResults.unit,
      currentValue: keyResults.currentValue,
      milestones: keyResults.milestones,
      objectiveTitle: objectives.title,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(and(eq(keyResults.orgId, actor.orgId), eq(keyResults.id, keyResultId), keyResultIdVisibleTo(actor, keyResults.id)));
  return row ? { ...row, milestones: row.milestones?.map((m) => ({ title: m.title, done: m.done })) ?? null } : null;
}

import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { keyResults, objectives, type checkIns } from '../../../db/schema/index.js';
import { recordActivity } from '../activity.js';
import { notify } from '../notifications/notify.js';
import type { Scope } from '../scope.js';
import type { NotifyContext } from '../notifications/notify.js';

type KeyResultRow = typeof keyResults.$inferSelect;
type CheckInRow = typeof checkIns.$inferSelect;
type ObjectiveFacts = Pick<typeof objectives.$inferSelect, 'id' | 'title' | 'ownerId'>;

// Progress is a ratio of floats: 0.9999999999999999 has reached the target too.
const REACHED = 1 - 1e-9;

/**
 * Called at the end of a check-in's transaction (create or correct) with the key result as it was
 * before and its progress after: when this check-in took it to its target, the feed celebrates (an activity) and the
 * objective's owner hears of it, unless they made the check-in themselves (only when `notifyCtx` is
 * given: outside a request, e.g. seeding, the feed item alone is recorded). `loaded`: the objective, when the caller has it.
 */
export async function celebrateTargetReached(
  tx: Executor,
  scope: Scope,
  before: KeyResultRow,
  progressAfter: number,
  checkIn: CheckInRow,
  notifyCtx?: NotifyContext,
  loaded?: ObjectiveFacts,
): Promise<void> {
  if (before.progress >= REACHED || progressAfter < REACHED) return;
  const after = { progress: progressAfter };
  const [objective] = loaded
    ? [loaded]
    : await tx
        .select({ id: objectives.id, title: objectives.title, ownerId: objectives.ownerId })
        .from(objectives)
        .where(eq(objectives.id, before.objectiveId));
  if (!objective) return;
  await recordActivity(tx, {
    ...scope,
    action: 'key_result.target-reached',
    entityType: 'key_result',
    entityId: before.id,
    before: { progress: before.progress },
    after: { progress: after.progress, checkInId: checkIn.id, value: checkIn.value, objectiveId: objective.id, title: before.title },
  });
  if (!notifyCtx || !objective.ownerId || objective.ownerId === scope.actorId) return;
  await notify(tx, notifyCtx, {
    orgId: scope.orgId,
    userId: objective.ownerId,
    kind: 'celebration',
    title: `Target reached: ${before.title}`,
    body: `“${before.title}” reached its target, a key result of “${objective.title}”.`,
    link: `/objectives/${objective.id}`,
    objectiveId: objective.id,
    entityType: 'key_result',
    entityId: before.id,
  });
}

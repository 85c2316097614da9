import { and, eq, sql } from 'drizzle-orm';
import { initiatives, keyResults } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid } from '../../errors.js';
import { authorizeInitiativePlanning } from '../../policies/initiatives.js';
import { authorizeKeyResultDelete } from '../../policies/key-results.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadKeyResultFor } from '../okrs/actor-reads.js';
import { assertOpen } from '../okrs/cycles.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { refreshObjective } from '../okrs/rollup.js';
import { applyInitiativeDrive } from './drive.js';

/**
 * The coach's way out for an output key result ("Launch the new onboarding"): the work becomes an initiative — same
 * title, same owner, planned — under the key result of the same objective that it should move, and the output key
 * result goes (its check-ins with it; the activity log keeps what it was). One transaction: both or neither.
 */
export async function moveKeyResultToInitiative(deps: ServiceDeps, actor: Actor, keyResultId: string, underKeyResultId: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const moving = await loadKeyResultFor(tx, actor, keyResultId);
    authorizeKeyResultDelete(actor, moving.relation);
    assertOpen(moving.cycle);
    if (underKeyResultId === keyResultId) throw invalid('underKeyResultId', 'Choose another key result: the one this work should move.');
    const target = await loadKeyResultFor(tx, actor, underKeyResultId, 'underKeyResultId');
    if (target.objective.id !== moving.objective.id) throw invalid('underKeyResultId', 'Choose a key result of the same objective.');
    authorizeInitiativePlanning(actor, target.relation, target.keyResult.ownerId);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${initiatives.position}) + 1, 0)`.mapWith(Number) })
      .from(initiatives)
      .where(and(eq(initiatives.orgId, actor.orgId), eq(initiatives.keyResultId, underKeyResultId)))) as [{ next: number }];
    const [initiative] = await tx
      .insert(initiatives)
      .values({
        orgId: actor.orgId,
        keyResultId: underKeyResultId,
        title: moving.keyResult.title,
        ownerId: moving.keyResult.ownerId,
        status: 'planned',
        position: next,
      })
      .returning();
    await tx.delete(keyResults).where(and(eq(keyResults.orgId, actor.orgId), eq(keyResults.id, keyResultId)));
    await refreshObjective(tx, moving.objective.id);
    const scope = scopeOf(actor);
    await recordActivity(tx, {
      ...scope,
      action: 'initiative.created',
      entityType: 'initiative',
      entityId: initiative!.id,
      after: { ...initiative, movedFromKeyResultId: keyResultId },
    });
    await recordActivity(tx, {
      ...scope,
      action: 'key_result.deleted',
      entityType: 'key_result',
      entityId: keyResultId,
      before: moving.keyResult,
    });
    await applyInitiativeDrive(tx, announce, deps.clock(), {
      keyResult: target.keyResult,
      objectiveId: target.objective.id,
      cycle: target.cycle,
      timeZone: target.timeZone,
    });
    announce.changed('objective', keyResultId, moving.objective.id);
    return initiative!;
  });
}

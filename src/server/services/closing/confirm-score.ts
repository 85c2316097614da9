import { and, eq } from 'drizzle-orm';
import { scoreConfirmations } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { authorizeScoreConfirmation } from '../../policies/closing.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadKeyResultFor } from '../okrs/actor-reads.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { proposedScores } from './proposed-scores.js';
import { assertInReview } from './review-phase.js';

/**
 * The owner confirms a key result's review score: the proposed one, or their override when they set one.
 * Confirming again replaces the earlier confirmation (a check-in may have moved the proposal).
 */
export async function confirmScore(deps: ServiceDeps, actor: Actor, keyResultId: string) {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, scope.orgId);
    const { keyResult, cycle, relation, timeZone } = await loadKeyResultFor(tx, actor, keyResultId);
    authorizeScoreConfirmation(actor, relation, keyResult.ownerId);
    assertInReview(cycle, 'keyResultId');
    const proposed = (await proposedScores(tx, cycle, todayIn(timeZone, deps.clock()))).keyResults.get(keyResult.id) ?? 0;
    const values = {
      orgId: scope.orgId,
      cycleId: cycle.id,
      keyResultId: keyResult.id,
      proposedScore: proposed,
      score: keyResult.scoreOverride ?? proposed,
      confirmedBy: actor.userId,
      confirmedAt: new Date(deps.clock()),
    };
    const [confirmation] = await tx
      .insert(scoreConfirmations)
      .values(values)
      .onConflictDoUpdate({ target: [scoreConfirmations.orgId, scoreConfirmations.keyResultId], set: values })
      .returning();
    await recordActivity(tx, {
      ...scope,
      action: 'key_result.score-confirmed',
      entityType: 'key_result',
      entityId: keyResult.id,
      after: { proposedScore: proposed, score: values.score, override: keyResult.scoreOverride },
    });
    announce.changed('objective', keyResult.id, keyResult.objectiveId);
    return confirmation!;
  });
}

/** The confirmation of one key result, if any (scoped by organisation). */
export const findConfirmation = async (tx: Parameters<typeof recordActivity>[0], orgId: string, keyResultId: string) =>
  (
    await tx
      .select()
      .from(scoreConfirmations)
      .where(and(eq(scoreConfirmations.orgId, orgId), eq(scoreConfirmations.keyResultId, keyResultId)))
  )[0] ?? null;

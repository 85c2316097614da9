import { and, eq } from 'drizzle-orm';
import { notifications, objectiveReviewRequests, outbox } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict } from '../../errors.js';
import { authorizeWithdrawal } from '../../policies/review-requests.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { loadObjectiveFor } from '../okrs/actor-reads.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { requireReviewRequest } from './decide-review.js';

/**
 * The drafter who asked (or an admin) withdraws an open review request: its status, the activity row and the removal
 * of the reviewer's notice (and of its e-mail, if not sent yet) commit together, so the reviewer is not left with a
 * request they can no longer answer. A decided or already withdrawn request is a 409.
 */
export async function withdrawReview(deps: ServiceDeps, actor: Actor, requestId: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const request = await requireReviewRequest(tx, actor.orgId, requestId);
    // A request on an objective the caller may not read is as missing as the objective (404).
    const { objective } = await loadObjectiveFor(tx, actor, request.objectiveId);
    authorizeWithdrawal(actor, request);
    if (request.status !== 'open')
      throw conflict('status', `This request can no longer be withdrawn (${request.status.replace('_', ' ')}).`);
    const [withdrawn] = await tx
      .update(objectiveReviewRequests)
      .set({ status: 'withdrawn', decidedAt: deps.clock() })
      .where(and(eq(objectiveReviewRequests.orgId, actor.orgId), eq(objectiveReviewRequests.id, requestId)))
      .returning();
    // The notice requestReview wrote (same dedupe key), and its e-mail while still waiting in the outbox.
    const key = `review:${requestId}`;
    const removed = await tx
      .delete(notifications)
      .where(and(eq(notifications.orgId, actor.orgId), eq(notifications.userId, request.reviewerId), eq(notifications.dedupeKey, key)))
      .returning({ id: notifications.id });
    await tx
      .delete(outbox)
      .where(and(eq(outbox.orgId, actor.orgId), eq(outbox.dedupeKey, `email:${request.reviewerId}:${key}`), eq(outbox.status, 'pending')));
    if (removed.length > 0) announce.notified(request.reviewerId);
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'objective.review-withdrawn',
      entityType: 'objective',
      entityId: objective.id,
      before: { requestId, status: request.status, reviewerId: request.reviewerId },
      after: { requestId, status: 'withdrawn' },
    });
    announce.changed('objective', objective.id, objective.id);
    return withdrawn!;
  });
}

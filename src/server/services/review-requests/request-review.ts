import { and, eq } from 'drizzle-orm';
import { objectiveReviewRequests } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict } from '../../errors.js';
import { authorizeReviewRequest } from '../../policies/review-requests.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { notify } from '../notifications/notify.js';
import { loadObjectiveFor } from '../okrs/actor-reads.js';
import { noticesFor, scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { checkReviewer } from './reviewers.js';

export interface ReviewRequestInput {
  reviewerId: string;
  note?: string | null;
}

/**
 * A drafter asks a champion, admin or team lead to review a draft: the request, its activity row and the reviewer's
 * notice commit together. A second open request to the same reviewer is a 409 (the partial unique index backs it).
 */
export async function requestReview(deps: ServiceDeps, actor: Actor, objectiveId: string, input: ReviewRequestInput) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { objective, relation } = await loadObjectiveFor(tx, actor, objectiveId);
    authorizeReviewRequest(actor, relation, objective.status);
    const reviewer = await checkReviewer(tx, actor, objective, input.reviewerId);
    const open = await tx
      .select({ id: objectiveReviewRequests.id })
      .from(objectiveReviewRequests)
      .where(
        and(
          eq(objectiveReviewRequests.orgId, actor.orgId),
          eq(objectiveReviewRequests.objectiveId, objectiveId),
          eq(objectiveReviewRequests.reviewerId, reviewer.id),
          eq(objectiveReviewRequests.status, 'open'),
        ),
      );
    if (open.length > 0) throw conflict('reviewerId', `${reviewer.name} has already been asked to review this draft.`);
    const note = input.note?.trim() || null;
    const [request] = await tx
      .insert(objectiveReviewRequests)
      .values({ orgId: actor.orgId, objectiveId, requestedBy: actor.userId, reviewerId: reviewer.id, note })
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'objective.review-requested',
      entityType: 'objective',
      entityId: objectiveId,
      after: { requestId: request!.id, reviewerId: reviewer.id, note },
    });
    const notices = noticesFor(deps, announce);
    if (notices)
      await notify(tx, notices, {
        orgId: actor.orgId,
        userId: reviewer.id,
        kind: 'review',
        title: `${actor.name} asks you to review “${objective.title}”`,
        body: note ?? 'Approve the draft or ask for changes, with a comment.',
        link: `/objectives/${objectiveId}`,
        entityType: 'objective_review_request',
        entityId: request!.id,
        dedupeKey: `review:${request!.id}`,
        objectiveId,
      });
    announce.changed('objective', objectiveId, objectiveId);
    return request!;
  });
}

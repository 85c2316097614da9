import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { comments, objectiveReviewRequests } from '../../../db/schema/index.js';
import { decisionWords, statusAfter, type ReviewDecision } from '../../../domain/review/review-requests.js';
import type { Actor } from '../../auth/actor.js';
import { conflict, notFound } from '../../errors.js';
import { authorizeDecision } from '../../policies/review-requests.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { notify } from '../notifications/notify.js';
import { loadObjectiveFor } from '../okrs/actor-reads.js';
import { noticesFor, scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { excerpt } from '../social/mentions.js';

export interface DecisionInput {
  decision: ReviewDecision;
  comment?: string | null;
}

export async function requireReviewRequest(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(objectiveReviewRequests)
    .where(and(eq(objectiveReviewRequests.orgId, orgId), eq(objectiveReviewRequests.id, id)));
  if (!row) throw notFound('The review request');
  return row;
}

/**
 * The named reviewer approves or asks for changes. Their comment is written as an ordinary comment on the objective,
 * so the discussion stays in one place; the drafter is told. One transaction with both activity rows.
 */
export async function decideReview(deps: ServiceDeps, actor: Actor, requestId: string, input: DecisionInput) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const request = await requireReviewRequest(tx, actor.orgId, requestId);
    // A request on an objective the caller may not read is as missing as the objective (404).
    const { objective } = await loadObjectiveFor(tx, actor, request.objectiveId);
    authorizeDecision(actor, request);
    if (request.status !== 'open') throw conflict('decision', `This request was already answered (${request.status.replace('_', ' ')}).`);
    const status = statusAfter(input.decision);
    const [decided] = await tx
      .update(objectiveReviewRequests)
      .set({ status, decidedAt: deps.clock() })
      .where(and(eq(objectiveReviewRequests.orgId, actor.orgId), eq(objectiveReviewRequests.id, requestId)))
      .returning();
    const body = input.comment?.trim();
    let commentId: string | null = null;
    if (body) {
      const [comment] = await tx
        .insert(comments)
        .values({ orgId: actor.orgId, targetType: 'objective', targetId: objective.id, authorId: actor.userId, body })
        .returning({ id: comments.id });
      commentId = comment!.id;
      await recordActivity(tx, {
        ...scopeOf(actor),
        action: 'comment.created',
        entityType: 'comment',
        entityId: commentId,
        after: {
          targetType: 'objective',
          targetId: objective.id,
          objectiveId: objective.id,
          keyResultId: null,
          excerpt: excerpt(body),
          mentions: [],
        },
      });
      announce.changed('comment', objective.id, objective.id);
    }
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'objective.review-decided',
      entityType: 'objective',
      entityId: objective.id,
      before: { requestId, status: request.status },
      after: { requestId, status, commentId },
    });
    const notices = noticesFor(deps, announce);
    if (notices)
      await notify(tx, notices, {
        orgId: actor.orgId,
        userId: request.requestedBy,
        kind: 'review',
        title: `${actor.name} ${decisionWords(input.decision)} “${objective.title}”`,
        body:
          body ?? (input.decision === 'approve' ? 'The draft can be published.' : 'Look at the draft again, then ask for a new review.'),
        link: `/objectives/${objective.id}`,
        entityType: 'objective_review_request',
        entityId: requestId,
        dedupeKey: `review:${requestId}:decision`,
        objectiveId: objective.id,
      });
    announce.changed('objective', objective.id, objective.id);
    return decided!;
  });
}

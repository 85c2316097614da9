import { aliasedTable, and, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { objectiveReviewRequests, objectives, users } from '../../../db/schema/index.js';
import { approvalGiven } from '../../../domain/review/review-requests.js';
import type { Actor } from '../../auth/actor.js';
import { canDecideReview, canWithdrawReview } from '../../policies/review-requests.js';
import { loadObjectiveFor } from '../okrs/actor-reads.js';
import { inProgramme } from '../rollout/pilot-scope.js';
import { programmeSettings } from '../rollout/settings.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';
import { reviewerCandidates } from './reviewers.js';

const requester = aliasedTable(users, 'requester');
const reviewer = aliasedTable(users, 'reviewer');

function requestColumns() {
  return {
    id: objectiveReviewRequests.id,
    objectiveId: objectiveReviewRequests.objectiveId,
    requestedBy: objectiveReviewRequests.requestedBy,
    requestedByName: requester.name,
    reviewerId: objectiveReviewRequests.reviewerId,
    reviewerName: reviewer.name,
    status: objectiveReviewRequests.status,
    note: objectiveReviewRequests.note,
    decidedAt: objectiveReviewRequests.decidedAt,
    createdAt: objectiveReviewRequests.createdAt,
  };
}

function requestsWhere(db: Executor, orgId: string, objectiveId: string) {
  return db
    .select(requestColumns())
    .from(objectiveReviewRequests)
    .innerJoin(requester, eq(requester.id, objectiveReviewRequests.requestedBy))
    .innerJoin(reviewer, eq(reviewer.id, objectiveReviewRequests.reviewerId))
    .where(and(eq(objectiveReviewRequests.orgId, orgId), eq(objectiveReviewRequests.objectiveId, objectiveId)))
    .orderBy(desc(objectiveReviewRequests.createdAt));
}

const present = <T extends { reviewerId: string; requestedBy: string; status: string }>(actor: Actor, row: T) => ({
  ...row,
  can: { decide: canDecideReview(actor, row), withdraw: canWithdrawReview(actor, row) },
});

/**
 * The objective's review requests, newest first, with who can be asked and whether publishing waits for an approval
 * ("approval required" is on, the objective has a team in the programme, and nothing is approved yet).
 */
export async function objectiveReviews(db: Database, actor: Actor, objectiveId: string) {
  const { objective } = await loadObjectiveFor(db, actor, objectiveId);
  const [rows, candidates, settings] = await Promise.all([
    requestsWhere(db, actor.orgId, objectiveId),
    reviewerCandidates(db, actor, objective),
    programmeSettings(db, actor.orgId),
  ]);
  const gated = settings.approvalRequired && objective.teamId !== null && (await inProgramme(db, actor.orgId, objective.teamId));
  return {
    requests: rows.map((r) => present(actor, r)),
    reviewers: candidates.map(({ id, name, role, leadsTeam }) => ({ id, name, role, leadsTeam })),
    approvalRequired: gated,
    approved: approvalGiven(rows.map((r) => r.status)),
  };
}

/** "Reviews asked of you": the open requests naming the caller, on objectives they can read, oldest first. */
export async function reviewsAskedOf(db: Database, actor: Actor) {
  const rows = await db
    .select({ ...requestColumns(), objectiveTitle: objectives.title })
    .from(objectiveReviewRequests)
    .innerJoin(requester, eq(requester.id, objectiveReviewRequests.requestedBy))
    .innerJoin(reviewer, eq(reviewer.id, objectiveReviewRequests.reviewerId))
    .innerJoin(objectives, and(eq(objectives.orgId, objectiveReviewRequests.orgId), eq(objectives.id, objectiveReviewRequests.objectiveId)))
    .where(
      and(
        eq(objectiveReviewRequests.orgId, actor.orgId),
        eq(objectiveReviewRequests.reviewerId, actor.userId),
        eq(objectiveReviewRequests.status, 'open'),
        objectiveVisibleTo(actor),
      ),
    )
    .orderBy(objectiveReviewRequests.createdAt);
  return rows.map((r) => present(actor, r));
}

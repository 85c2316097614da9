import { z } from 'zod';
import { REVIEW_DECISIONS, REVIEW_REQUEST_STATUSES } from '../../../domain/review/review-requests.js';
import { ROLES } from '../../../domain/vocabulary.js';
import { isoDateTime } from '../schemas.js';

const comment = z.string().trim().max(2000, 'Use at most 2000 characters.');

export const reviewRequestCreate = z
  .object({
    reviewerId: z.string().min(1, 'Required.').max(64).describe('A champion, admin or owner, or a lead of the objective’s team'),
    note: comment.nullable().optional().describe('What the reviewer should look at'),
  })
  .strict();

export const reviewDecision = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { message: `One of ${REVIEW_DECISIONS.join(', ')}.` }),
    comment: comment.nullable().optional().describe('Written as an ordinary comment on the objective'),
  })
  .strict();

export const reviewRequestsQuery = z.object({
  mine: z.enum(['to-review'], { message: 'Use mine=to-review.' }).describe('to-review: the open requests naming you'),
});

export const reviewRequestView = z.object({
  id: z.string(),
  objectiveId: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  status: z.enum(REVIEW_REQUEST_STATUSES),
  note: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  can: z.object({
    decide: z.boolean().describe('The caller is the named reviewer and the request is open'),
    withdraw: z.boolean().describe('The caller asked for the review (or is an admin) and the request is open'),
  }),
});

export const objectiveReviewsView = z.object({
  requests: z.array(reviewRequestView).describe('Newest first'),
  reviewers: z
    .array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), leadsTeam: z.boolean() }))
    .describe('Who a review can be asked of: champions, admins and owners, and the team’s leads (not the caller)'),
  approvalRequired: z.boolean().describe('Publishing this objective needs an approved request (rollout setting, team in the programme)'),
  approved: z.boolean().describe('At least one request is approved'),
});

export const reviewsAskedView = z.object({
  requests: z.array(reviewRequestView.extend({ objectiveTitle: z.string() })).describe('Open requests naming the caller, oldest first'),
});

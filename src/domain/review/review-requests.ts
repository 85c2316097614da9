/**
 * Review requests on draft objectives: a drafter asks a champion (or an admin, or a lead of the objective's team)
 * to look at a draft; the reviewer approves or asks for changes. Pure rules, no I/O.
 */

/** open: waiting for the reviewer; withdrawn: the drafter no longer needs it. */
export const REVIEW_REQUEST_STATUSES = ['open', 'approved', 'changes_requested', 'withdrawn'] as const;
export type ReviewRequestStatus = (typeof REVIEW_REQUEST_STATUSES)[number];

/** What a reviewer answers. */
export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The status a decision leaves the request in. */
export function statusAfter(decision: ReviewDecision): ReviewRequestStatus {
  return decision === 'approve' ? 'approved' : 'changes_requested';
}

/**
 * Whether "approval required before publishing" is satisfied: kept simple on purpose, at least one approved request
 * on the objective (a later edit of the draft does not undo an approval; docs/rollout.md).
 */
export function approvalGiven(statuses: readonly ReviewRequestStatus[]): boolean {
  return statuses.includes('approved');
}

/** The sentence a notice or the page uses for a decision. */
export function decisionWords(decision: ReviewDecision): string {
  return decision === 'approve' ? 'approved' : 'asked for changes to';
}

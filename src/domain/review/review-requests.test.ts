import { describe, expect, it } from 'vitest';
import { approvalGiven, statusAfter, type ReviewRequestStatus } from './review-requests.js';

describe('review requests', () => {
  it.each([
    ['approve', 'approved'],
    ['request_changes', 'changes_requested'],
  ] as const)('a decision to %s leaves the request %s', (decision, status) => {
    expect(statusAfter(decision)).toBe(status);
  });

  it.each<[ReviewRequestStatus[], boolean]>([
    [[], false],
    [['open'], false],
    [['changes_requested', 'withdrawn'], false],
    [['changes_requested', 'approved'], true],
    [['approved'], true],
  ])('approval given for %j: %s', (statuses, given) => {
    expect(approvalGiven(statuses)).toBe(given);
  });
});

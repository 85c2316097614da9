import { describe, expect, it } from 'vitest';
import { describeAuditAction } from './audit-wording.js';

describe('describeAuditAction', () => {
  it.each([
    ['user.signed-in', 'Signed in'],
    ['user.sign-in-failed', 'Failed sign-in'],
    ['team.created', 'Created a team'],
    ['audit.retention-updated', 'Changed the audit retention'],
    ['rollout.phase-updated', 'Rollout: phase updated'],
    ['ingest_token.issued', 'Ingest token: issued'],
    ['kpi_value.deleted', 'Kpi value: deleted'],
    ['odd', 'odd'],
  ])('%s reads "%s"', (action, expected) => {
    expect(describeAuditAction(action)).toBe(expected);
  });
});

import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/database.js';
import { pruneAuditLogs } from '../services/audit/retention.js';
import type { JobSummary, ScheduledJob } from './context.js';

/**
 * How long finished job runs and settled e-mails and webhook calls are kept: long enough to answer
 * "did last quarter's reminders go out?", short enough that the tables do not grow for ever.
 * Nothing older can come due again: every job looks at its current period only.
 */
export const RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

async function prune(tx: Transaction, now: Date): Promise<JobSummary> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * DAY_MS).toISOString();
  // Counted in SQL: a first run on an old instance may delete many rows.
  const [runs] = await queryRows<{ n: number }>(
    tx,
    sql`with gone as (delete from job_runs where finished_at is not null and started_at < ${cutoff}::timestamptz returning 1) select count(*)::int as n from gone`,
  );
  const [messages] = await queryRows<{ n: number }>(
    tx,
    sql`with gone as (delete from outbox where status in ('sent', 'recorded', 'failed') and created_at < ${cutoff}::timestamptz returning 1) select count(*)::int as n from gone`,
  );
  return { jobRuns: runs?.n ?? 0, messages: messages?.n ?? 0 };
}

/** Once a day for the whole instance (not per organisation): an operator's job, not an org admin's. */
export const housekeeping: ScheduledJob = {
  name: 'housekeeping',
  description: `Delete finished job runs and settled e-mails and webhook calls older than ${RETENTION_DAYS} days, and audit entries past each organisation's retention`,
  async due(ctx, now, orgId) {
    if (orgId) return [];
    const run = async (tx: Transaction) => ({ ...(await prune(tx, now)), auditEntries: await pruneAuditLogs(tx, ctx.secret, now) });
    return [{ key: `instance:${now.toISOString().slice(0, 10)}`, run }];
  },
};

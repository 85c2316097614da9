import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { jobRuns, outbox, teams } from '../../../db/schema/index.js';

export interface OutboxFilter {
  status?: (typeof outbox.$inferSelect)['status'];
  channel?: (typeof outbox.$inferSelect)['channel'];
  limit: number;
}

/** The organisation's recent e-mails and webhook calls, newest first: what an admin reads to see what went out. */
export function listOutbox(db: Executor, orgId: string, filter: OutboxFilter) {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, orgId),
        filter.status ? eq(outbox.status, filter.status) : undefined,
        filter.channel ? eq(outbox.channel, filter.channel) : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.nextAttemptAt))
    .limit(filter.limit);
}

// The runs an admin's page looks through for "last run"; older ones do not matter there.
const RECENT_RUNS = 500;

/** Each job's latest run that concerns this organisation (period keys name its teams or itself). */
export async function lastRuns(db: Executor, orgId: string) {
  const mine = new Set([
    `company:${orgId}`,
    `org:${orgId}`,
    ...(await db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, orgId))).map((t) => `team:${t.id}`),
  ]);
  const rows = await db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(RECENT_RUNS);
  const latest = new Map<string, typeof jobRuns.$inferSelect>();
  for (const row of rows) {
    const owner = row.periodKey.split(':').slice(0, 2).join(':');
    if (mine.has(owner) && !latest.has(row.name)) latest.set(row.name, row);
  }
  return latest;
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { jobRuns } from '../../db/schema/index.js';
import { dispatchOutbox } from './dispatcher.js';
import { isJobName, scheduledJob } from './registry.js';
import type { DueRun, JobContext, JobReport, JobSummary, PeriodReport, RunOptions } from './context.js';

export class UnknownJobError extends Error {
  constructor(readonly job: string) {
    super(`No job named "${job}".`);
  }
}

/**
 * Claims the period and runs it in one transaction. The claim is an insert into job_runs that does
 * nothing on conflict: on PostgreSQL a second process's insert waits for the first transaction and
 * then finds the row (it skips), or finds none because the first rolled back (it runs instead).
 * So a period runs exactly once, and a failed run is retried by the next tick.
 */
async function runPeriod(db: Database, name: string, due: DueRun, now: Date, force: boolean): Promise<PeriodReport> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(jobRuns)
      .values({ name, periodKey: due.key, startedAt: now })
      .onConflictDoNothing({ target: [jobRuns.name, jobRuns.periodKey] })
      .returning({ id: jobRuns.id });
    if (claimed.length === 0 && !force) return { key: due.key, ran: false };
    const summary = await due.run(tx);
    await tx
      .update(jobRuns)
      .set({ finishedAt: now, result: summary, error: null })
      .where(and(eq(jobRuns.name, name), eq(jobRuns.periodKey, due.key)));
    return { key: due.key, ran: true, summary };
  });
}

function total(periods: PeriodReport[]): JobSummary {
  const totals: JobSummary = {
    ran: periods.filter((p) => p.ran).length,
    skipped: periods.filter((p) => !p.ran && !p.error).length,
    errors: periods.filter((p) => p.error).length,
  };
  for (const p of periods) for (const [k, v] of Object.entries(p.summary ?? {})) totals[k] = (totals[k] ?? 0) + v;
  return totals;
}

/** Runs one job now: every period that has come due and is not yet claimed (all of them with `force`). */
export async function runJob(ctx: JobContext, name: string, options: RunOptions = {}): Promise<JobReport> {
  if (!isJobName(name)) throw new UnknownJobError(name);
  const now = options.now ?? ctx.clock();
  if (name === 'dispatch')
    return { job: name, at: now.toISOString(), periods: [], totals: await dispatchOutbox(ctx, { now, orgId: options.orgId }) };
  const job = scheduledJob(name)!;
  const due = await job.due(ctx, now, options.orgId);
  // Most ticks find every period already claimed: one read instead of one insert per group.
  const keys = due.map((d) => d.key);
  const done = new Set(
    keys.length
      ? (
          await ctx.db
            .select({ key: jobRuns.periodKey })
            .from(jobRuns)
            .where(and(eq(jobRuns.name, name), inArray(jobRuns.periodKey, keys)))
        ).map((r) => r.key)
      : [],
  );
  const periods: PeriodReport[] = [];
  for (const d of due) {
    if (done.has(d.key) && !options.force) {
      periods.push({ key: d.key, ran: false });
      continue;
    }
    try {
      periods.push(await runPeriod(ctx.db, name, d, now, options.force ?? false));
    } catch (error) {
      periods.push({ key: d.key, ran: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { job: name, at: now.toISOString(), periods, totals: total(periods) };
}

import { JOB_NAMES } from './registry.js';
import { runJob } from './run-job.js';
import type { JobContext } from './context.js';

export interface TickerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface TickerOptions {
  log: TickerLog;
  /** Scheduled jobs check what is due this often (60 s). */
  jobsEveryMs?: number;
  /** The outbox is delivered this often (15 s), so a mention's e-mail does not wait a minute. */
  dispatchEveryMs?: number;
  /** The first check after start, so a restart catches up at once. */
  firstAfterMs?: number;
  /** The engine's own upkeep (DatabaseHandle.maintain), run with the scheduled jobs. */
  maintain?: () => Promise<string[]>;
  /** Told of every job period run (or failed) and every upkeep run, for /metrics. */
  observe?: TickerObserver;
}

export interface TickerObserver {
  jobPeriods(job: string, ran: number, errors: number): void;
  maintenance(outcome: 'ran' | 'error'): void;
}

export interface Ticker {
  /** Stops the timers and waits for a running tick, so shutdown never cuts a job in half. */
  stop(): Promise<void>;
}

/** A loop that never overlaps itself: a slow tick makes the next one wait, not pile up. */
function loop(work: () => Promise<void>, everyMs: number, firstAfterMs: number) {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = work().finally(() => (running = null));
  };
  const first = setTimeout(tick, firstAfterMs).unref();
  const timer = setInterval(tick, everyMs).unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}

/** Started by `cairn serve`: every process runs one, and job_runs claims keep each period to one of them. */
export function startTicker(ctx: JobContext, options: TickerOptions): Ticker {
  const { log, jobsEveryMs = 60_000, dispatchEveryMs = 15_000, firstAfterMs = 2_000, maintain, observe } = options;
  const run = async (name: string) => {
    try {
      const report = await runJob(ctx, name, { now: ctx.clock() });
      // The outbox delivery has no periods: each pass counts as one run.
      const ran = name === 'dispatch' ? 1 : report.periods.filter((p) => p.ran).length;
      observe?.jobPeriods(name, ran, report.periods.filter((p) => p.error).length);
      const did = report.periods.filter((p) => p.ran || p.error);
      if (did.length > 0 || Object.entries(report.totals).some(([k, v]) => v > 0 && k !== 'skipped'))
        log.info({ job: name, totals: report.totals, periods: did }, 'job ran');
    } catch (error) {
      observe?.jobPeriods(name, 0, 1);
      log.error({ err: error, job: name }, 'job failed');
    }
  };
  const stopJobs = loop(
    async () => {
      for (const name of JOB_NAMES) if (name !== 'dispatch') await run(name);
      await run('dispatch');
      if (maintain) {
        try {
          const done = await maintain();
          observe?.maintenance('ran');
          if (done.length > 0) log.info({ analyzed: done }, 'database statistics refreshed');
        } catch (error) {
          observe?.maintenance('error');
          log.error({ err: error }, 'database upkeep failed');
        }
      }
    },
    jobsEveryMs,
    firstAfterMs,
  );
  const stopDispatch = loop(() => run('dispatch'), dispatchEveryMs, firstAfterMs + dispatchEveryMs);
  return { stop: async () => void (await Promise.all([stopJobs(), stopDispatch()])) };
}

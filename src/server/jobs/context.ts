import type { DatabaseHandle, Transaction } from '../../db/database.js';
import type { AppContext } from '../context.js';
import { resolveAuthSecret } from '../auth/secret.js';
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import { createMailer } from '../mail/mailer.js';

/** What a job needs from the app. AppContext has all of it; `cairn serve` and `cairn jobs` build it alone. */
export type JobContext = Pick<AppContext, 'db' | 'config' | 'mailer' | 'clock' | 'secret'>;

/** Counts of what a run did, e.g. { keyResults: 3, notified: 2, webhooks: 1 }; stored in job_runs.result. */
export type JobSummary = Record<string, number>;

/** One unit of work for one period, e.g. the Platform team's reminders for the week ending 2026-11-16. */
export interface DueRun {
  /** Unique across the instance: `team:<id>:2026-11-16`. The job_runs row for it is the claim. */
  key: string;
  /** Runs inside the claiming transaction, so the claim and every notification commit together. */
  run(tx: Transaction): Promise<JobSummary>;
}

export interface ScheduledJob {
  name: string;
  description: string;
  /** The periods that have come due at `now` (for one organisation, or all of them). */
  due(ctx: JobContext, now: Date, orgId?: string): Promise<DueRun[]>;
}

export interface PeriodReport {
  key: string;
  /** false: another run (or process) had already claimed the period, or it failed (see error). */
  ran: boolean;
  summary?: JobSummary;
  error?: string;
}

export interface JobReport {
  job: string;
  at: string;
  periods: PeriodReport[];
  totals: JobSummary;
}

export interface RunOptions {
  now?: Date;
  /** Run periods already claimed again; notifications and webhooks still land once (dedupe keys). */
  force?: boolean;
  /** Limit to one organisation (an admin's "Run now"). */
  orgId?: string;
}

/**
 * The job context outside a request: `cairn serve` for its ticker and `cairn jobs run`. The secret
 * is the one the app signs unsubscribe links with, read from the same database.
 */
export async function jobContextFor(handle: DatabaseHandle, config: Config, warn: (error: unknown) => void): Promise<JobContext> {
  return {
    db: handle.db,
    config,
    clock: systemClock,
    mailer: createMailer(config.smtpUrl, config.mailFrom, warn),
    secret: await resolveAuthSecret(handle.db, config.secret),
  };
}

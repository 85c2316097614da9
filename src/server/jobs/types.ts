import type { Transaction } from '../../db/database.js';
import type { AppContext } from '../http/context.js';

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

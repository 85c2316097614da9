import { SCHEDULED_JOBS } from './scheduled-jobs.js';

/** Every job an operator may run by name; `dispatch` delivers the outbox and has no periods. */
export const JOB_NAMES = ['reminders', 'escalation', 'digest', 'dispatch'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const isJobName = (name: string): name is JobName => (JOB_NAMES as readonly string[]).includes(name);

export const scheduledJob = (name: string) => SCHEDULED_JOBS.find((job) => job.name === name);

export const JOB_DESCRIPTIONS: Record<JobName, string> = {
  ...(Object.fromEntries(SCHEDULED_JOBS.map((job) => [job.name, job.description])) as Record<Exclude<JobName, 'dispatch'>, string>),
  dispatch: 'Deliver due e-mails and webhook calls from the outbox, retrying failures with backoff',
};

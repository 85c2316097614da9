import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../context.js';
import { JOB_DESCRIPTIONS, ORG_JOB_NAMES, isOrgJobName } from '../../jobs/registry.js';
import { runJob } from '../../jobs/run-job.js';
import { notFound } from '../../errors.js';
import { authorizeJobs } from '../../policies/organization.js';
import { lastRuns, listOutbox } from './operations.js';

/** The jobs an admin can run, each with its last run for the actor's organisation. */
export async function jobsOverview(ctx: AppContext, actor: Actor) {
  authorizeJobs(actor);
  const runs = await lastRuns(ctx.db, actor.orgId);
  return ORG_JOB_NAMES.map((name) => ({ name, description: JOB_DESCRIPTIONS[name], run: runs.get(name) }));
}

/** Runs one job now for the actor's organisation. */
export async function runJobNow(ctx: AppContext, actor: Actor, name: string, force: boolean) {
  authorizeJobs(actor);
  if (!isOrgJobName(name)) throw notFound(`The job "${name}"`, 'name');
  return runJob(ctx, name, { now: ctx.clock(), orgId: actor.orgId, force });
}

/** Recent e-mails and webhook calls: recipients and bodies, so admins only. */
export async function outboxFor(ctx: AppContext, actor: Actor, query: Parameters<typeof listOutbox>[2]) {
  authorizeJobs(actor);
  return listOutbox(ctx.db, actor.orgId, query);
}

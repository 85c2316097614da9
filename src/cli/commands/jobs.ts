import type { ParsedArgs } from '../args.js';
import { stringFlag, UsageError } from '../args.js';
import { loadConfig } from '../../server/config.js';
import { jobContextFor } from '../../server/jobs/context.js';
import { JOB_DESCRIPTIONS, JOB_NAMES, isJobName } from '../../server/jobs/registry.js';
import { runJob } from '../../server/jobs/run-job.js';
import { withDatabase } from './with-database.js';

const usage = () =>
  `cairn jobs run ${JOB_NAMES.join('|')} [--force] [--org ID]\n\n${JOB_NAMES.map((n) => `  ${n.padEnd(11)} ${JOB_DESCRIPTIONS[n]}`).join('\n')}`;

/**
 * `cairn jobs run NAME`: what the ticker in `cairn serve` does every minute, once, now, printed as
 * JSON. Safe next to running servers on PostgreSQL: periods are claimed exactly once. On PGlite the
 * data directory is locked by a running server, so stop it first (or use the admin page's "Run now").
 */
export async function jobsCommand(args: ParsedArgs) {
  const action = args.positional.shift();
  const name = args.positional.shift();
  if (action !== 'run' || !name) throw new UsageError(usage());
  if (!isJobName(name)) throw new UsageError(`No job named "${name}".\n${usage()}`);
  const config = loadConfig();
  await withDatabase(async (handle) => {
    const ctx = await jobContextFor(handle, config, (error) =>
      console.error('mail not sent:', error instanceof Error ? error.message : error),
    );
    const report = await runJob(ctx, name, { force: args.flags.has('force'), orgId: stringFlag(args, 'org') });
    console.log(JSON.stringify(report, null, 2));
  });
}

import { readFile, writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { ParsedArgs } from '../args.js';
import { stringFlag, UsageError } from '../args.js';
import { loadConfig } from '../../server/config.js';
import { systemClock } from '../../server/clock.js';
import { resolveAuthSecret } from '../../server/auth/secret.js';
import { AppError } from '../../server/errors.js';
import { createLocalBus } from '../../server/events/bus.js';
import { applyOkrs, previewOkrs, type OkrApplyResult } from '../../server/services/okrs-as-code/apply-okrs.js';
import { exportOkrs } from '../../server/services/okrs-as-code/export-okrs.js';
import { lintOkrs, type LintFinding } from '../../server/services/okrs-as-code/okr-lint.js';
import { readOkrYaml } from '../../server/services/okrs-as-code/okr-yaml.js';
import { importingActor } from './import.js';
import { withDatabase } from './with-database.js';

const USAGE = `Usage:
  cairn okrs export --cycle NAME [--format yaml] [--output FILE] [--as E-MAIL]
  cairn okrs apply -f FILE.yaml [--dry-run] [--as E-MAIL]
  cairn okrs lint FILE.yaml`;

const findingLine = (f: LintFinding) => `${f.severity.padEnd(5)} ${f.objective} ${f.field}: ${f.message} [${f.ruleId}]`;

/** Prints an AppError's fields and sets the exit code: a wrong file is the user's to fix, not a crash. */
function reportProblem(error: unknown, where: string) {
  if (!(error instanceof AppError)) throw error;
  console.error(`cairn: ${error.message}`);
  for (const e of error.errors) console.error(`  ${where}: ${e.field}: ${e.message}`);
  process.exitCode = 1;
}

async function lint(path: string) {
  const document = readOkrYaml(await readFile(path, 'utf8'));
  const { findings, blocking } = lintOkrs(document);
  for (const f of findings) console.log(findingLine(f));
  console.log(`${findings.length} finding(s)${blocking ? ', blocking' : ''} in ${document.objectives.length} objective(s)`);
  if (blocking) process.exitCode = 1;
}

function printDiff(result: OkrApplyResult) {
  const { added, changed, removed, unchanged } = result.diff;
  console.log(result.applied ? 'Applied:' : 'Dry run (nothing written; run without --dry-run to apply):');
  for (const item of added) console.log(`+ ${item.type} ${item.key}: ${item.title}`);
  for (const item of changed) {
    console.log(`~ ${item.type} ${item.key}: ${item.title}`);
    for (const line of item.changes ?? []) console.log(`    ${line}`);
  }
  for (const item of removed) console.log(`- ${item.type} ${item.key}: ${item.title}`);
  console.log(`${added.length} added, ${changed.length} changed, ${removed.length} removed, ${unchanged} unchanged`);
  for (const f of result.findings) console.log(findingLine(f));
}

async function withServices<T>(
  args: ParsedArgs,
  work: (deps: Parameters<typeof applyOkrs>[0], actor: Parameters<typeof applyOkrs>[1]) => Promise<T>,
) {
  return withDatabase(async (handle) => {
    const actor = await importingActor(handle.db, stringFlag(args, 'as'));
    const secret = await resolveAuthSecret(handle.db, loadConfig().secret);
    return work({ db: handle.db, events: createLocalBus(), clock: systemClock, secret }, actor);
  });
}

/** cairn okrs lint|export|apply: OKRs kept as YAML in git, checked in CI and applied with a diff. */
export async function okrsCommand(args: ParsedArgs) {
  const sub = args.positional.shift();
  if (sub === 'lint') {
    const path = args.positional.shift();
    if (!path) throw new UsageError(USAGE);
    return lint(path).catch((error: unknown) => reportProblem(error, path));
  }
  if (sub === 'export') {
    const cycle = stringFlag(args, 'cycle');
    const format = stringFlag(args, 'format') ?? 'yaml';
    if (!cycle || format !== 'yaml') throw new UsageError(USAGE);
    return withServices(args, async (deps, actor) => {
      const text = stringify(await exportOkrs(deps, actor, cycle), { lineWidth: 0 });
      const out = stringFlag(args, 'output');
      if (out) await writeFile(out, text);
      else process.stdout.write(text);
    }).catch((error: unknown) => reportProblem(error, 'export'));
  }
  if (sub === 'apply') {
    const path = stringFlag(args, 'f') ?? stringFlag(args, 'file') ?? args.positional.shift();
    if (!path) throw new UsageError(USAGE);
    const dryRun = args.flags.has('dry-run');
    return withServices(args, async (deps, actor) => {
      const document = readOkrYaml(await readFile(path, 'utf8'));
      printDiff(dryRun ? await previewOkrs(deps, actor, document) : await applyOkrs(deps, actor, document));
    }).catch((error: unknown) => reportProblem(error, path));
  }
  throw new UsageError(USAGE);
}

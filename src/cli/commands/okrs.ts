import { readFile } from 'node:fs/promises';
import type { ParsedArgs } from '../args.js';
import { UsageError } from '../args.js';
import { AppError } from '../../server/errors.js';
import { lintOkrs } from '../../server/services/okrs-as-code/okr-lint.js';
import { readOkrYaml } from '../../server/services/okrs-as-code/okr-yaml.js';

/** cairn okrs lint FILE.yaml: the quality coach offline; exits 1 on a blocking finding or an invalid file (for CI). */
export async function okrsCommand(args: ParsedArgs) {
  const sub = args.positional.shift();
  const path = args.positional.shift();
  if (sub !== 'lint' || !path) throw new UsageError('Usage: cairn okrs lint FILE.yaml');
  try {
    const document = readOkrYaml(await readFile(path, 'utf8'));
    const { findings, blocking } = lintOkrs(document);
    for (const f of findings) console.log(`${f.severity.padEnd(5)} ${f.objective} ${f.field}: ${f.message} [${f.ruleId}]`);
    console.log(`${findings.length} finding(s)${blocking ? ', blocking' : ''} in ${document.objectives.length} objective(s)`);
    if (blocking) process.exitCode = 1;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const e of error.errors) console.error(`${path}: ${e.field}: ${e.message}`);
    process.exitCode = 1;
  }
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../support/cli.js';
import { cliEngineKinds, freshPostgresDatabase } from '../support/cli-engines.js';

const OWNER = 'olivia@example.test';

const FILE = `version: 1
cycle: { name: Year 2030, start: 2030-01-01, end: 2030-12-31 }
objectives:
  - key: grow
    title: Grow the business in the north
    owner: ${OWNER}
    level: company
    keyResults:
      - { key: grow.customers, title: Win 40 customers in the north, owner: ${OWNER}, unit: customers, start: 0, target: 40 }
      - { key: grow.office, title: Open the Hamburg office, owner: ${OWNER}, kind: milestone, milestones: [Lease, Hire, Open] }
`;

describe.each(cliEngineKinds())('cairn okrs apply / export / lint (%s)', (kind) => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-okrs-cli-'));
  let env = cliEnv(join(root, 'data'));
  let drop = async () => {};
  beforeAll(async () => {
    if (kind !== 'postgres') return;
    const database = await freshPostgresDatabase();
    env = cliEnv(join(root, 'data'), { DATABASE_URL: database.url });
    drop = database.drop;
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await drop();
  });

  it('applies a file after a dry run, exports it back unchanged, and lints a blocking file with exit 1', { timeout: 600_000 }, async () => {
    const setup = await runCli(
      ['setup', '--organization', 'Acme', '--name', 'Olivia Owner', '--email', OWNER, '--password', 'correct horse battery'],
      env,
      150_000,
    );
    expect(setup.code, setup.stderr).toBe(0);
    const file = join(root, 'okrs.yaml');
    writeFileSync(file, FILE);

    const dry = await runCli(['okrs', 'apply', '-f', file, '--dry-run'], env, 150_000);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing written');
    expect(dry.stdout).toContain('+ objective grow: Grow the business in the north');
    expect(dry.stdout).toContain('3 added, 0 changed, 0 removed, 0 unchanged');

    const applied = await runCli(['okrs', 'apply', '-f', file], env, 150_000);
    expect(applied.code, applied.stderr + dry.stdout).toBe(0);
    expect(applied.stdout).toContain('Applied:');

    const exported = join(root, 'exported.yaml');
    const exporting = await runCli(['okrs', 'export', '--cycle', 'Year 2030', '--output', exported], env, 150_000);
    expect(exporting.code, exporting.stderr).toBe(0);
    expect(readFileSync(exported, 'utf8')).toContain('key: grow.customers');
    const again = await runCli(['okrs', 'apply', '-f', exported, '--dry-run'], env, 150_000);
    expect(again.stdout).toContain('0 added, 0 changed, 0 removed, 3 unchanged');

    const blocking = join(root, 'blocking.yaml');
    writeFileSync(blocking, FILE.replace(`    owner: ${OWNER}\n    level`, '    level'));
    const lint = await runCli(['okrs', 'lint', blocking], env, 60_000);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('blocking');
  });
});

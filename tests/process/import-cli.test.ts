import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { keyResults, objectives } from '../../src/db/schema/index.js';
import { cliEnv, runCli } from '../support/cli.js';
import { cliEngineKinds, freshPostgresDatabase } from '../support/cli-engines.js';
import { csv } from '../imports/support.js';

describe.each(cliEngineKinds())('cairn import (%s)', (kind) => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-import-cli-'));
  const dataDir = join(root, 'data');
  let databaseUrl: string | undefined;
  let drop = async () => {};
  beforeAll(async () => {
    if (kind !== 'postgres') return;
    const database = await freshPostgresDatabase();
    databaseUrl = database.url;
    drop = database.drop;
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await drop();
  });

  it('previews without writing, applies with --apply, and exits 1 naming each bad row', { timeout: 600_000 }, async () => {
    const env = cliEnv(dataDir, databaseUrl ? { DATABASE_URL: databaseUrl } : {});
    const setup = await runCli(
      [
        'setup',
        '--organization',
        'Acme',
        '--name',
        'Olivia Owner',
        '--email',
        'olivia@example.test',
        '--password',
        'correct horse battery',
      ],
      env,
      150_000,
    );
    expect(setup.code, setup.stderr).toBe(0);
    const file = join(root, 'okrs.csv');
    writeFileSync(
      file,
      csv([
        ['Row ID', 'Parent Row ID', 'Title', 'Cycle', 'Cycle Start', 'Cycle End', 'Start', 'Target', 'Current'],
        ['O1', '', 'Grow', 'Year 2030', '2030-01-01', '2030-12-31', '', '', ''],
        ['K1', 'O1', 'Customers', '', '', '', '0', '10', ''],
      ]),
    );

    const dry = await runCli(['import', file], env, 150_000);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Dry run (nothing written');
    expect(dry.stdout).toContain('objectives   create 1');
    const applied = await runCli(['import', file, '--apply', '--as', 'olivia@example.test'], env, 150_000);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Imported: CSV');

    const bad = join(root, 'bad.csv');
    writeFileSync(
      bad,
      csv([
        ['Row ID', 'Parent Row ID', 'Title', 'Cycle', 'Start', 'Target'],
        ['K9', 'NOPE', 'Lost', 'Year 2030', '1', '1'],
      ]),
    );
    const refused = await runCli(['import', bad, '--apply'], env, 150_000);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row 2, Parent Row ID: Parent NOPE is not a Row ID in this file.');

    const handle = await openDatabase({ dataDir, databaseUrl });
    try {
      expect((await handle.db.select().from(objectives)).map((o) => o.title)).toEqual(['Grow']);
      expect((await handle.db.select().from(keyResults)).map((k) => k.title)).toEqual(['Customers']);
    } finally {
      await handle.close();
    }
  });
});

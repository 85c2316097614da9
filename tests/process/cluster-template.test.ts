import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/database.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/pglite-engine.js';
import { cliEnv, runCli } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'cairn-template-'));
const previous = process.env.CAIRN_CLUSTER_TEMPLATE;
afterEach(() => {
  if (previous === undefined) delete process.env.CAIRN_CLUSTER_TEMPLATE;
  else process.env.CAIRN_CLUSTER_TEMPLATE = previous;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const count = async (db: Database, table: string) =>
  (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

describe('the empty embedded cluster made at build time (PGlite)', () => {
  it('a new data directory loads the template instead of running initdb; an existing one is left alone', async () => {
    // A template with a marker table, so the directory shows where its cluster came from.
    const marked = await PGlite.create();
    await marked.exec('create table made_from_template (id int)');
    const template = join(root, 'marked.tar.gz');
    writeFileSync(template, Buffer.from(await (await marked.dumpDataDir('gzip')).arrayBuffer()));
    await marked.close();
    process.env.CAIRN_CLUSTER_TEMPLATE = template;

    const dataDir = join(root, 'fresh');
    const handle = await openPglite(dataDir);
    await handle.migrate();
    expect(await count(handle.db, 'made_from_template')).toBe(0);
    expect(await count(handle.db, 'organizations')).toBe(0);
    await handle.close();

    // Opened again, the directory keeps its own cluster even when another template is named.
    process.env.CAIRN_CLUSTER_TEMPLATE = join(root, 'missing.tar.gz');
    const again = await openPglite(dataDir);
    expect(await count(again.db, 'made_from_template')).toBe(0);
    await again.close();
  }, 300_000);

  it('`cairn cluster-template` writes a template that `cairn migrate` then starts a new directory from', async () => {
    const template = join(root, 'built.tar.gz');
    const made = await runCli(['cluster-template'], cliEnv(join(root, 'unused'), { CAIRN_CLUSTER_TEMPLATE: template }), 300_000);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Empty embedded cluster written');
    expect(statSync(template).size).toBeGreaterThan(1_000_000);

    const dataDir = join(root, 'served');
    const migrated = await runCli(['migrate'], cliEnv(dataDir, { CAIRN_CLUSTER_TEMPLATE: template }), 300_000);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    const users = await runCli(['user', 'list'], cliEnv(dataDir, { CAIRN_CLUSTER_TEMPLATE: template }), 300_000);
    expect(users.code, users.stderr).toBe(0);
  }, 600_000);
});

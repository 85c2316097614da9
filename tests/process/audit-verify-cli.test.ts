import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { cliEnv, runCli } from '../support/cli.js';

/** Where the `cairn` processes keep their data: an embedded data directory, or a fresh PostgreSQL database. */
interface Target {
  env: NodeJS.ProcessEnv;
  /** Runs SQL on that database behind Cairn's back, as someone with database access would. */
  tamper(statement: string): Promise<void>;
  dispose(): Promise<void>;
}

function pgliteTarget(): Target {
  const root = mkdtempSync(join(tmpdir(), 'cairn-audit-cli-'));
  const dataDir = join(root, 'data');
  return {
    env: cliEnv(dataDir),
    tamper: async (statement) => {
      const handle = await openDatabase({ dataDir });
      try {
        await handle.db.execute(sql.raw(statement));
      } finally {
        await handle.close();
      }
    },
    dispose: async () => rmSync(root, { recursive: true, force: true }),
  };
}

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function postgresTarget(baseUrl: string): Promise<Target> {
  const name = `cairn_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    env: cliEnv(mkdtempSync(join(tmpdir(), 'cairn-audit-cli-unused-')), { DATABASE_URL: url.toString() }),
    tamper: (statement) => adminQuery(url.toString(), statement),
    dispose: () => adminQuery(baseUrl, `drop database if exists "${name}" with (force)`),
  };
}

const engines: [string, () => Promise<Target>][] = [['pglite', async () => pgliteTarget()]];
if (process.env.TEST_DATABASE_URL) engines.push(['postgres', () => postgresTarget(process.env.TEST_DATABASE_URL!)]);

describe.each(engines)('cairn audit verify [%s]', (_kind, open) => {
  let target: Target | undefined;
  afterAll(async () => target?.dispose());

  it('exits 0 on an intact chain and 1 naming the entry changed directly in the database', { timeout: 900_000 }, async () => {
    target = await open();
    const { env } = target;
    const cli = async (args: string[], expectedCode = 0) => {
      const run = await runCli(args, env, 300_000);
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(expectedCode);
      return run;
    };
    await cli([
      'setup',
      '--organization',
      'Acme',
      '--name',
      'Olivia Owner',
      '--email',
      'olivia@example.test',
      '--password',
      'correct horse battery',
    ]);
    await cli(['user', 'create', '--email', 'mia@example.test', '--name', 'Mia Member', '--password', 'another horse battery']);
    await cli(['user', 'set-role', '--email', 'mia@example.test', '--role', 'admin']);

    const intact = await cli(['audit', 'verify']);
    const checked = Number(/chain intact, (\d+) entries checked/.exec(intact.stdout)?.[1]);
    expect(checked, intact.stdout).toBeGreaterThanOrEqual(2);

    await target.tamper(`update audit_entries set actor_name = 'Somebody Else' where seq = 2`);
    const broken = await cli(['audit', 'verify', '--org', 'Acme'], 1);
    expect(broken.stderr).toContain('Acme: Entry #2 was altered.');

    const unknown = await cli(['audit', 'verify', '--org', 'Nobody'], 2);
    expect(unknown.stderr).toContain('No organisation "Nobody"');
  });
});

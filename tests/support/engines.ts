import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { queryRows, type Database, type DatabaseHandle, type EngineKind } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite-engine.js';
import { openPostgres } from '../../src/db/postgres-engine.js';

/*
 * Database suites run on every engine:
 *
 *   describeEachEngine('teams API', (engine) => {
 *     let server: TestServer;
 *     beforeAll(async () => (server = await startTestServer(engine().handle)));
 *     afterAll(() => server?.close());
 *     beforeEach(() => engine().reset());
 *     it('…', async () => { … engine().db … });
 *   });
 *
 * PGlite always (a copy of the migrated template from global-setup.ts); PostgreSQL as well when
 * TEST_DATABASE_URL points at a server where we may create databases (each suite gets its own
 * `cairn_t_<hex>` database, dropped afterwards).
 */
export interface TestEngine {
  kind: EngineKind;
  handle: DatabaseHandle;
  db: Database;
  /** Empties every table except instance settings (which keep the auth secret a running app holds). */
  reset(): Promise<void>;
}

interface OpenedEngine extends TestEngine {
  dispose(): Promise<void>;
}

/** The engines every database suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngineKinds(): EngineKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function withReset(kind: EngineKind, handle: DatabaseHandle, dispose: () => Promise<void>): Promise<OpenedEngine> {
  const tables = await queryRows<{ name: string }>(
    handle.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'instance_settings' order by tablename`,
  );
  if (tables.length === 0) throw new Error('The test database has no tables: was it migrated?');
  const truncate = `truncate table ${tables.map((t) => `"${t.name}"`).join(', ')} restart identity cascade`;
  return {
    kind,
    handle,
    db: handle.db,
    reset: async () => void (await handle.db.execute(sql.raw(truncate))),
    dispose,
  };
}

/** A private copy of the migrated template from the global setup, opened the way the server opens it. */
export async function openTestPglite(): Promise<OpenedEngine> {
  const root = mkdtempSync(join(tmpdir(), 'cairn-test-'));
  const dir = join(root, 'data');
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  rmSync(join(dir, 'cairn.lock'), { force: true });
  const handle = await openPglite(dir);
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return withReset('pglite', handle, async () => {
    try {
      await handle.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

async function adminQuery(baseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new, migrated database on the TEST_DATABASE_URL server, dropped again by dispose. */
export async function openTestPostgres(baseUrl: string): Promise<OpenedEngine> {
  const name = `cairn_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const drop = () => adminQuery(baseUrl, `drop database if exists "${name}" with (force)`);
  let handle: DatabaseHandle;
  try {
    handle = await openPostgres(url.toString(), { max: 5 });
  } catch (error) {
    await drop();
    throw error;
  }
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    await drop();
    throw error;
  }
  return withReset('postgres', handle, async () => {
    try {
      await handle.close();
    } finally {
      await drop();
    }
  });
}

export function openTestEngine(kind: EngineKind): Promise<OpenedEngine> {
  if (kind === 'pglite') return openTestPglite();
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return openTestPostgres(url);
}

/**
 * Registers `fn` once per engine, each run on its own migrated database opened before the suite
 * and removed after it. `engine()` is only valid inside hooks and tests.
 */
export function describeEachEngine(name: string, fn: (engine: () => TestEngine) => void): void {
  for (const kind of testEngineKinds()) {
    describe(`${name} [${kind}]`, () => {
      let opened: OpenedEngine | undefined;
      beforeAll(async () => {
        opened = await openTestEngine(kind);
      });
      afterAll(async () => {
        await opened?.dispose();
        opened = undefined;
      });
      fn(() => {
        if (!opened) throw new Error(`The ${kind} test database is not open (use engine() inside hooks and tests).`);
        return opened;
      });
    });
  }
}

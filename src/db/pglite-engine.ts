import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from './migrations-folder.js';
import { analyzeGrownTables } from './analyze-grown.js';
import { lockDataDirectory } from './lock.js';
import { clusterTemplate } from './pglite-cluster-template.js';
import { schema, type Database, type DatabaseHandle } from './database.js';

/**
 * Times each top-level statement and transaction (drizzle runs a transaction's statements on the
 * transaction object, so nothing is counted twice) for the handle's onHoldTime listener.
 */
function timeHolds(client: PGlite, handle: DatabaseHandle): void {
  const timed =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!handle.onHoldTime) return run(...args);
      const started = performance.now();
      try {
        return await run(...args);
      } finally {
        handle.onHoldTime?.((performance.now() - started) / 1000);
      }
    };
  client.query = timed(client.query.bind(client)) as typeof client.query;
  client.exec = timed(client.exec.bind(client));
  client.transaction = timed(client.transaction.bind(client)) as typeof client.transaction;
}

/** Opens the embedded engine in `directory` (created if missing), holding the directory lock until close. */
export async function openPglite(directory: string): Promise<DatabaseHandle> {
  const dataDir = resolve(directory);
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDirectory(dataDir);
  try {
    const pgDir = resolve(dataDir, 'pg');
    // A new directory loads the build's empty cluster when there is one (pglite-cluster-template.ts) instead of initdb.
    const template = existsSync(resolve(pgDir, 'PG_VERSION')) ? undefined : clusterTemplate();
    const client = await PGlite.create(pgDir, { extensions: PGLITE_EXTENSIONS, ...(template ? { loadDataDir: template } : {}) });
    const pgDb = drizzle({ client, schema });
    const db = pgDb as unknown as Database;
    const handle: DatabaseHandle = {
      db,
      migrate: async () => {
        await migrate(pgDb, { migrationsFolder });
        // PGlite has no autovacuum, so without this the planner never has statistics (bench: check-in write p50 176 → 101 ms).
        await client.exec('analyze');
      },
      maintain: () => analyzeGrownTables(client),
      dumpData: async () => {
        // A checkpoint first keeps the write-ahead log in the backup short; the dump waits for the running query.
        await client.query('checkpoint');
        return client.dumpDataDir('gzip');
      },
      kind: 'pglite',
      location: dataDir,
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
    timeHolds(client, handle);
    return handle;
  } catch (error) {
    release();
    throw error;
  }
}

/** An in-memory engine for tests that do not need a directory. */
export async function openPgliteInMemory(): Promise<DatabaseHandle> {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const pgDb = drizzle({ client, schema });
  const db = pgDb as unknown as Database;
  return {
    db,
    kind: 'pglite',
    location: 'memory',
    migrate: () => migrate(pgDb, { migrationsFolder }),
    maintain: () => analyzeGrownTables(client),
    ping: async () => void (await client.query('select 1')),
    close: () => client.close(),
  };
}

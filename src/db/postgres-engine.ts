import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { migrationsFolder } from './migrations-folder.js';
import { schema, type Database, type DatabaseHandle } from './database.js';

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/** Opens a pool on a PostgreSQL server. JIT is off for our sessions: it made roll-up queries ~3x slower. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: '-c jit=off' });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  const poolOptions = { connectionString: url, options: '-c jit=off' };
  await pool.query('select 1');
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    migrate: () => migrateOnOneConnection(poolOptions),
    ping: async () => void (await pool.query('select 1')),
    close: () => pool.end(),
  };
}

// Any stable number: two processes starting together on one server take turns migrating.
const MIGRATION_LOCK_KEY = 72_621_201;

/** A session advisory lock needs lock, migrate and unlock on the same connection, so not the pool. */
async function migrateOnOneConnection(config: pg.ClientConfig): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

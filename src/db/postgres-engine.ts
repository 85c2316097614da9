import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { migrationsFolder } from './migrations-folder.js';
import { useNamedStatements } from './prepared-statements.js';
import { watchQueries } from './query-watchdog.js';
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

/** How long Cairn waits for PostgreSQL, so a frozen or unreachable server fails requests fast instead of holding them. */
export interface PostgresTimeouts {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
  /** One statement; the server cancels it, and the client gives up a second later if the server cannot. */
  statementMs: number;
  /** A transaction left open without a statement is ended by the server. */
  idleInTransactionMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = { connectMs: 5_000, statementMs: 15_000, idleInTransactionMs: 30_000 };

/** Opens a pool on a PostgreSQL server. JIT is off for our sessions: it made roll-up queries ~3x slower. */
export async function openPostgres(
  url: string,
  options: { max?: number; timeouts?: Partial<PostgresTimeouts>; namedStatements?: boolean } = {},
): Promise<DatabaseHandle> {
  const timeouts = { ...DEFAULT_POSTGRES_TIMEOUTS, ...options.timeouts };
  useNamedStatements(options.namedStatements ?? true);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: `-c jit=off -c statement_timeout=${timeouts.statementMs} -c idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`,
    connectionTimeoutMillis: timeouts.connectMs,
    keepAlive: true,
  });
  // A frozen server cannot cancel its own statements: the client stops waiting a little after it should have.
  const stopWatching = watchQueries(pool, timeouts.statementMs + 1_000);
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  // Migrations may take long and wait for another process's lock: only the connect timeout applies.
  const poolOptions = { connectionString: url, options: '-c jit=off', connectionTimeoutMillis: timeouts.connectMs };
  try {
    await pool.query('select 1');
  } catch (error) {
    stopWatching();
    await pool.end().catch(() => {});
    throw error;
  }
  const handle: DatabaseHandle = {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    migrate: () => migrateOnOneConnection(poolOptions),
    ping: async () => void (await pool.query('select 1')),
    close: () => {
      stopWatching();
      return pool.end();
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
  // A statement or a whole transaction holds one pooled connection from acquire to release.
  const acquiredAt = new WeakMap<pg.PoolClient, number>();
  pool.on('acquire', (client) => acquiredAt.set(client, performance.now()));
  pool.on('release', (_error, client) => {
    const started = acquiredAt.get(client);
    if (started !== undefined) handle.onHoldTime?.((performance.now() - started) / 1000);
  });
  return handle;
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

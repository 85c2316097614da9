import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the app sees, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type EngineKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: EngineKind;
  /** Where the data lives: a directory for PGlite, a redacted URL for a server. */
  location: string;
  ping(): Promise<void>;
  /** Applies every pending generated SQL migration; safe at every start. */
  migrate(): Promise<void>;
  /**
   * What the engine does not do by itself, run now and then by the server's ticker: on PGlite,
   * ANALYZE of the tables that grew (it has no autovacuum). Absent on a server. Answers what it did.
   */
  maintain?(): Promise<string[]>;
  /**
   * The embedded engine only: its data directory as a gzipped tar, taken between two queries (a
   * consistent snapshot, see services/backup). Absent on a server (use pg_dump or the JSON export).
   */
  dumpData?(): Promise<Blob>;
  close(): Promise<void>;
  /** A server's pool: connections open, idle, and requests waiting for one (for /metrics). Absent on PGlite. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** Told how long each statement or transaction held the database; set by /metrics, unset costs nothing. */
  onHoldTime?: (seconds: number) => void;
}

export { schema };

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// 08: connection exceptions; 57P01–03: shutting down or starting; 53300: too many connections;
// 57014: statement timeout (query_canceled); 25P03: idle-in-transaction timeout.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300|57014|25P03)$/;
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|Connection ended/i;

/** Whether an error says the database is unreachable or too slow (try again later), not that a query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

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
  close(): Promise<void>;
}

export { schema };

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

import { openPglite } from './pglite-engine.js';
import { openPostgres, type PostgresTimeouts } from './postgres-engine.js';
import type { DatabaseHandle } from './database.js';

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
  databaseTimeouts?: PostgresTimeouts;
  /** Named statements for the hottest reads (default true). */
  databaseNamedStatements?: boolean;
}

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded PGlite in the data directory. */
export function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { timeouts: config.databaseTimeouts, namedStatements: config.databaseNamedStatements })
    : openPglite(config.dataDir);
}

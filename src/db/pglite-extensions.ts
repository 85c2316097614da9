import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The contrib extensions every embedded database opens with. Migration 0043 creates pg_trgm (tree search's
 * trigram indexes): a data directory that holds those indexes needs the extension loaded to read them again,
 * so every PGlite.create in Cairn passes these, the cluster template and backups included.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

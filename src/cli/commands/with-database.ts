import { openDatabase } from '../../db/open.js';
import type { DatabaseHandle } from '../../db/database.js';
import { loadConfig } from '../../server/config.js';

/** Opens and migrates the configured database for a one-shot command, and always closes it. */
export async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(loadConfig());
  try {
    await handle.migrate();
    return await work(handle);
  } finally {
    await handle.close();
  }
}

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { instanceSettings } from '../../db/schema/index.js';

/**
 * CAIRN_SECRET when given; otherwise one generated at first start and kept in the database,
 * so every process on one database signs sessions alike and restarts keep people signed in.
 */
export async function resolveAuthSecret(db: Database, configured?: string): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(32).toString('base64url');
  await db.insert(instanceSettings).values({ key: 'auth_secret', value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, 'auth_secret'));
  if (!row) throw new Error('auth secret could not be stored');
  return row.value;
}

import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';

/**
 * Serialises OKR writes within one organisation for the rest of the transaction. Roll-ups are
 * maintained on write, and two check-ins under one parent must not each recompute it from a
 * stale sibling. PGlite has one connection, so there it costs nothing.
 */
export async function lockOrganizationOkrs(tx: Executor, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`okr:${orgId}`}))`);
}

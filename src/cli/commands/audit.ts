import { asc } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { organizations } from '../../db/schema/index.js';
import { resolveAuthSecret } from '../../server/auth/secret.js';
import { loadConfig } from '../../server/config.js';
import { verifyAudit } from '../../server/services/audit/audit-log.js';
import { stringFlag, UsageError, type ParsedArgs } from '../args.js';
import { withDatabase } from './with-database.js';

/** The organisation named by --org (its name or id), or the only one there is. */
async function organizationOf(db: Database, wanted: string | undefined) {
  const all = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(asc(organizations.createdAt));
  if (all.length === 0) throw new UsageError('Cairn is not set up yet: run `cairn setup` first.');
  if (wanted) {
    const found = all.find((o) => o.id === wanted || o.name.toLowerCase() === wanted.trim().toLowerCase());
    if (!found) throw new UsageError(`No organisation "${wanted}". Organisations: ${all.map((o) => o.name).join(', ')}.`);
    return found;
  }
  if (all.length > 1) throw new UsageError(`Several organisations: choose one with --org (${all.map((o) => o.name).join(', ')}).`);
  return all[0]!;
}

/**
 * cairn audit verify [--org NAME|ID]: the same check as the admin button (POST /api/v1/audit/verify).
 * Exit 0 when the chain is intact, 1 naming the first entry altered or removed.
 */
export async function auditCommand(args: ParsedArgs) {
  const sub = args.positional.shift();
  if (sub !== 'verify') throw new UsageError('Usage: cairn audit verify [--org NAME|ID]');
  const verdict = await withDatabase(async (handle) => {
    const org = await organizationOf(handle.db, stringFlag(args, 'org'));
    const secret = await resolveAuthSecret(handle.db, loadConfig().secret);
    return { org, ...(await verifyAudit(handle.db, secret, org.id)) };
  });
  if (verdict.ok) {
    console.log(`${verdict.org.name}: chain intact, ${verdict.checked} entries checked (head #${verdict.headSeq}).`);
    return;
  }
  console.error(`${verdict.org.name}: ${verdict.message} (${verdict.checked} entries before it verified.)`);
  process.exitCode = 1;
}

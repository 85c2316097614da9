import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { instanceSettings } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import { countUsers } from './create-account.js';

const KEY = 'setup_code';

/** Eight groups of four from an alphabet without look-alikes (0/O, 1/I): easy to copy from a log. */
function newCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * The one-time code that first-run setup over HTTP asks for, so whoever reaches the port first cannot
 * claim the instance. CAIRN_SETUP_TOKEN when given; otherwise generated once and kept in the database,
 * so every process on one database prints the same code and a restart before setup keeps it.
 * Undefined once someone exists: there is nothing left to claim.
 */
export async function ensureSetupCode(db: Database, configured?: string): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  if (configured) return configured;
  await db.insert(instanceSettings).values({ key: KEY, value: newCode() }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, KEY));
  return row?.value;
}

// Compared as digests so neither the length nor a prefix leaks through timing.
const digest = (value: string) => createHash('sha256').update(value.trim().toUpperCase()).digest();

/** Inside setup's transaction: the given code must match, and it is spent with the setup. */
export async function spendSetupCode(tx: Database, given: string, configured?: string): Promise<void> {
  const expected = configured ?? (await tx.select().from(instanceSettings).where(eq(instanceSettings.key, KEY)))[0]?.value;
  if (!expected || !timingSafeEqual(digest(given), digest(expected))) {
    const message = 'That setup code is wrong. Copy it from the log Cairn printed at start (or CAIRN_SETUP_TOKEN).';
    throw new AppError('forbidden', message, [{ field: 'setupCode', message }]);
  }
  await tx.delete(instanceSettings).where(eq(instanceSettings.key, KEY));
}

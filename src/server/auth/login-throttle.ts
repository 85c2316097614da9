import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { loginFailures } from '../../db/schema/index.js';

/** The first wait once a key reaches its limit; each further failure doubles it, up to the window. */
export const FIRST_DELAY_SECONDS = 30;
/** A client address may fail this many times more than one account-and-address pair (it spans accounts). */
export const ADDRESS_FACTOR = 4;

/** Seconds a key is blocked after `failures` failures: none below the limit, then 30 s, 60 s, 120 s … capped. */
export function delayAfter(failures: number, limit: number, capSeconds: number): number {
  if (failures < limit) return 0;
  return Math.min(capSeconds, FIRST_DELAY_SECONDS * 2 ** Math.min(failures - limit, 20));
}

/**
 * Throttles sign-in by account and client address together, with growing delays, so a stranger who
 * fails against someone's email blocks only themselves: the right password from a client that has
 * not been failing still signs in. A client address failing across many accounts is slowed as well.
 * Kept in the database, so every process on one database counts the same failures.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static keys(email: string, address: string) {
    return [
      { key: `pair:${email}|${address}`, factor: 1 },
      { key: `address:${address}`, factor: ADDRESS_FACTOR },
    ];
  }

  /** Seconds until this client may try this account again, or 0 when it may try now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const now = this.now();
    const keys = LoginThrottle.keys(email, address).map((k) => k.key);
    const rows = await this.db
      .select({ blockedUntil: loginFailures.blockedUntil })
      .from(loginFailures)
      .where(and(inArray(loginFailures.key, keys), gt(loginFailures.blockedUntil, now)));
    const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
    return until > now.getTime() ? Math.max(1, Math.ceil((until - now.getTime()) / 1000)) : 0;
  }

  async fail(email: string, address: string): Promise<void> {
    const now = this.now();
    const windowStart = new Date(now.getTime() - this.windowMs).toISOString();
    for (const { key, factor } of LoginThrottle.keys(email, address)) {
      // A failure after a quiet window starts counting again.
      const [row] = await this.db
        .insert(loginFailures)
        .values({ key, failures: 1, lastFailedAt: now })
        .onConflictDoUpdate({
          target: loginFailures.key,
          set: {
            failures: sql`case when ${loginFailures.lastFailedAt} < ${windowStart}::timestamptz then 1 else ${loginFailures.failures} + 1 end`,
            lastFailedAt: now,
          },
        })
        .returning({ failures: loginFailures.failures });
      const seconds = delayAfter(row!.failures, this.maxFailures * factor, this.windowMs / 1000);
      if (seconds > 0)
        await this.db
          .update(loginFailures)
          .set({ blockedUntil: new Date(now.getTime() + seconds * 1000) })
          .where(eq(loginFailures.key, key));
    }
  }

  /** The right password clears this client's failures for this account (not the address's). */
  async succeed(email: string, address: string): Promise<void> {
    const [pair] = LoginThrottle.keys(email, address);
    await this.db.delete(loginFailures).where(eq(loginFailures.key, pair!.key));
  }
}

import type { Database } from '../../../db/database.js';
import { writeAndAnnounce } from '../announce.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { followKpis } from './follow-kpi.js';

interface Pass {
  done: Promise<void>;
  again: boolean;
}

const passes = new WeakMap<Database, Map<string, Pass>>();
const failures = new WeakMap<Database, unknown>();

/**
 * Values pushed with ingest tokens are stored without waiting for the organisation's OKR lock; the key results that
 * follow their KPIs catch up right after, in one pass per organisation for whatever arrived meanwhile (followKpis:
 * one insert, one roll-up), so a burst of pushes costs one roll-up, not one each behind the lock. One pass runs at a
 * time per organisation; a push during it asks for one more. What a failed pass or a stopped process leaves stays
 * pending in the database (key_result_kpis.followed_value_id): the next pass, or the kpi-follows job, takes it.
 */
export function followSoon(deps: ServiceDeps, orgId: string): void {
  let byOrg = passes.get(deps.db);
  if (!byOrg) passes.set(deps.db, (byOrg = new Map()));
  const running = byOrg.get(orgId);
  if (running) {
    running.again = true;
    return;
  }
  const pass: Pass = { again: true, done: Promise.resolve() };
  pass.done = (async () => {
    try {
      while (pass.again) {
        pass.again = false;
        await writeAndAnnounce(deps, orgId, (tx, announce) => followKpis(tx, announce, orgId));
      }
    } catch (error) {
      // The first failure is kept for followsSettled (a long-running server never asks: the job retries instead).
      if (!failures.has(deps.db)) failures.set(deps.db, error);
    } finally {
      byOrg.delete(orgId);
    }
  })();
  byOrg.set(orgId, pass);
}

/** Waits until no pass runs on this database (tests, the bench, shutdown); a pass that failed is thrown here. */
export async function followsSettled(db: Database): Promise<void> {
  for (;;) {
    const running = [...(passes.get(db)?.values() ?? [])];
    if (running.length === 0) break;
    await Promise.all(running.map((p) => p.done));
  }
  if (!failures.has(db)) return;
  const failed = failures.get(db);
  failures.delete(db);
  throw failed;
}

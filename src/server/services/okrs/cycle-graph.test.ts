import { eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { checkIns, keyResults, organizations } from '../../../db/schema/index.js';
import { describeEachEngine } from '../../../../tests/support/engines.js';
import { PASSWORD, uniqueEmail } from '../../../../tests/support/fixtures.js';
import { createAccount } from '../create-account.js';
import type { Scope } from '../scope.js';
import { cycleSnapshot } from './cycle-graph.js';
import { createCycle, updateCycle } from './cycles.js';
import { createKeyResult } from './key-results.js';
import { createObjective } from './objectives.js';
import { refreshKeyResult } from './rollup.js';
import { serviceCaller } from '../../../../tests/okrs/service-caller.js';

describeEachEngine('cycleSnapshot and the maintained roll-ups agree on which check-in is latest', (engine) => {
  let scope: Scope;
  beforeEach(async () => {
    await engine().reset();
    scope = await engine().db.transaction(async (tx) => {
      const [org] = await tx.insert(organizations).values({ name: 'Graph Org' }).returning();
      const person = await createAccount(tx, {
        orgId: org!.id,
        name: 'Gus Graph',
        email: uniqueEmail('graph'),
        password: PASSWORD,
        role: 'owner',
      });
      return { orgId: org!.id, actorId: person.id };
    });
  });

  /**
   * Two check-ins of one date entered within the same millisecond (easy when two requests start
   * together: created_at is the transaction's start). The database keeps microseconds; the
   * snapshot must still pick the one entered last, as the stored current value does.
   */
  async function sameMillisecondCheckIns() {
    const { db } = engine();
    const caller = serviceCaller(db, scope, '2025-02-15');
    const cycle = await createCycle(caller.deps, caller.actor, {
      name: 'Q1 2025',
      startDate: '2025-01-01',
      endDate: '2025-03-31',
      status: 'active',
    });
    const objective = await createObjective(caller.deps, caller.actor, { cycleId: cycle.id, title: 'Grow' });
    const kr = await createKeyResult(caller.deps, caller.actor, objective.id, {
      title: 'Revenue',
      kind: 'metric',
      startValue: 0,
      targetValue: 100,
    });
    const at = (micros: string) => sql`${`2025-02-15 10:00:00.${micros}+00`}::timestamptz`;
    // Inserted in the order they were entered.
    await db
      .insert(checkIns)
      .values({ orgId: scope.orgId, keyResultId: kr.id, authorId: scope.actorId, asOf: '2025-02-10', value: 10, createdAt: at('000100') });
    await db
      .insert(checkIns)
      .values({ orgId: scope.orgId, keyResultId: kr.id, authorId: scope.actorId, asOf: '2025-02-10', value: 90, createdAt: at('000900') });
    await refreshKeyResult(db, kr.id);
    return { cycle, objective, kr };
  }

  it('time travel picks the check-in entered last even within one millisecond', async () => {
    const { cycle, objective, kr } = await sameMillisecondCheckIns();
    const [stored] = await engine().db.select().from(keyResults).where(eq(keyResults.id, kr.id));
    expect(stored).toMatchObject({ currentValue: 90, progress: 0.9 });
    const snapshot = await cycleSnapshot(engine().db, scope.orgId, cycle.id, '2025-02-15');
    expect(snapshot.latestCheckIn.get(kr.id)?.value).toBe(90);
    expect(snapshot.keyResults.get(kr.id)?.progress).toBe(0.9);
    expect(snapshot.objectives.get(objective.id)).toBe(0.9);
  });

  it('closing scores the check-in entered last even within one millisecond', async () => {
    const { cycle, kr } = await sameMillisecondCheckIns();
    const caller = serviceCaller(engine().db, scope, '2025-02-15');
    await updateCycle(caller.deps, caller.actor, cycle.id, {
      status: 'closed',
      closeOverrideReason: 'Closed by the test without a review',
    });
    const [stored] = await engine().db.select().from(keyResults).where(eq(keyResults.id, kr.id));
    expect(stored?.score).toBe(0.9);
  });
});

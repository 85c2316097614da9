import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectNear, percent, useOkrWorld, type TreeNode } from './support.js';

// Q1 2025 runs 1 Jan – 31 Mar (90 days). Time travel reads the effective start and status valid on its date.
describeEachEngine('time travel of effective starts and archiving', (engine) => {
  const t = useOkrWorld(engine, '2025-02-01');
  const titles = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.title, ...titles(n.children)]);

  it('an objective and its key results show the effective start (and status) valid on the date asked', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Open in Lisbon' });
    const first = await t.w.api.createKeyResult(objective.id, percent('Sign the lease'));
    await t.w.api.publish(objective.id); // effective start 1 February

    t.clock.setDay('2025-03-01');
    await t.w.api.patchObjective(objective.id, { effectiveStartDate: null }); // back to the cycle start
    await t.w.api.patchKeyResult(first.id, { effectiveStartDate: '2025-02-20' });
    const late = await t.w.api.createKeyResult(objective.id, percent('Hire a manager')); // starts 1 March

    const today = await t.w.api.objective(objective.id);
    expect([today.effectiveStartDate, today.paceStartDate]).toEqual([null, '2025-01-01']);
    expectNear(today.expectedProgress, 59 / 90);
    const todayKrs = new Map(today.keyResults.map((k) => [k.id, k]));
    expect(todayKrs.get(first.id)!.effectiveStartDate).toBe('2025-02-20');

    // On 15 February it ran from its publication on 1 February (14 of 59 days gone), its key result with it.
    const then = await t.w.api.objective(objective.id, '2025-02-15');
    expect([then.status, then.effectiveStartDate, then.paceStartDate]).toEqual(['active', '2025-02-01', '2025-02-01']);
    expectNear(then.expectedProgress, 14 / 59);
    expect(then.progressStatus, 'against the whole cycle it would be off track').toBe('at_risk');
    const thenKrs = new Map(then.keyResults.map((k) => [k.id, k]));
    expect([thenKrs.get(first.id)!.effectiveStartDate, thenKrs.get(first.id)!.paceStartDate]).toEqual([null, '2025-02-01']);
    expectNear(thenKrs.get(first.id)!.expectedProgress, 14 / 59);
    // The key result added on 1 March had not started: nothing was expected of it yet.
    expect([thenKrs.get(late.id)!.effectiveStartDate, thenKrs.get(late.id)!.expectedProgress]).toEqual(['2025-03-01', 0]);

    // Before its publication it was a draft: no pace status.
    const draft = await t.w.api.objective(objective.id, '2025-01-20');
    expect([draft.status, draft.progressStatus, draft.effectiveStartDate]).toEqual(['draft', null, null]);
    expect(draft.keyResults.map((k) => k.status)).toEqual([null, null]);
  });

  it('an objective archived later is in the tree and its parent’s progress on an earlier date', async () => {
    const parent = await t.w.api.createObjective({
      cycleId: t.w.cycle.id,
      title: 'Company',
      progressDriver: 'aligned',
      status: 'active',
      publishOverrideReason: 'Driven by its aligned objectives',
    });
    const done = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Finished launch' }, 100);
    const lagging = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Lagging migration' }, 20);
    await t.w.api.align(done.objective.id, { parentObjectiveId: parent.id });
    await t.w.api.align(lagging.objective.id, { parentObjectiveId: parent.id });

    t.clock.setDay('2025-02-10');
    await t.w.api.patchObjective(lagging.objective.id, { status: 'archived' });

    const now = await t.w.api.tree(t.w.cycle.id);
    expect(titles(now.roots)).toEqual(['Company', 'Finished launch']);
    expectNear(now.roots[0]!.progress, 1);

    const before = await t.w.api.tree(t.w.cycle.id, { asOf: '2025-02-05' });
    expect(titles(before.roots).sort()).toEqual(['Company', 'Finished launch', 'Lagging migration']);
    expect(before.roots[0]!.childCount).toBe(2);
    expectNear(before.roots[0]!.progress, 0.6);
    expect((await t.w.api.objective(lagging.objective.id, '2025-02-05')).status).toBe('active');
    expect((await t.w.api.objective(lagging.objective.id, '2025-02-10')).status).toBe('archived');
  });
});

import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { API, expectNear, expectRollupsConsistent, useOkrWorld, type TreeNode } from './support.js';

describeEachEngine('archived objectives leave live views and scoring but stay searchable', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  /** A company objective driven by two aligned children at 100 % and 20 %. */
  async function twoChildren() {
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
    return { parent, done: done.objective, lagging: lagging.objective };
  }
  const titles = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.title, ...titles(n.children)]);

  it('archiving takes an objective out of its parent’s progress, the tree and lists; restoring brings it back', async () => {
    const { parent, lagging } = await twoChildren();
    expectNear(await t.w.api.progressOf(parent.id), 0.6);

    expect((await t.w.api.patchObjective(lagging.id, { status: 'archived' })).status).toBe('archived');
    expectNear(await t.w.api.progressOf(parent.id), 1);
    await expectRollupsConsistent(engine().db, t.w.orgId, t.w.cycle.id, '2025-02-15', 'after archiving');
    const tree = await t.w.api.tree(t.w.cycle.id);
    expect(titles(tree.roots)).toEqual(['Company', 'Finished launch']);
    expect(tree.roots[0]!.childCount).toBe(1);
    expect((await t.w.api.objectives({ cycleId: t.w.cycle.id })).map((o) => o.title)).not.toContain('Lagging migration');

    // Still found: by a search of the tree and by asking for archived objectives.
    expect(titles((await t.w.api.tree(t.w.cycle.id, { q: 'migration' })).roots)).toContain('Lagging migration');
    expect((await t.w.api.objectives({ cycleId: t.w.cycle.id, status: 'archived' })).map((o) => o.title)).toEqual(['Lagging migration']);

    await t.w.api.patchObjective(lagging.id, { status: 'active' });
    expectNear(await t.w.api.progressOf(parent.id), 0.6);
    await expectRollupsConsistent(engine().db, t.w.orgId, t.w.cycle.id, '2025-02-15', 'after restoring');
  });

  it('closing the cycle scores the parent without the archived objective and leaves it archived, unscored', async () => {
    const { parent, done, lagging } = await twoChildren();
    await t.w.api.patchObjective(lagging.id, { status: 'archived' });
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Scored here without holding a review' });
    expect(await t.w.api.objective(parent.id)).toMatchObject({ status: 'closed', score: 1 });
    expect(await t.w.api.objective(done.id)).toMatchObject({ status: 'closed', score: 1 });
    expect(await t.w.api.objective(lagging.id)).toMatchObject({ status: 'archived', score: null });
  });

  it('Needs attention leaves archived objectives out', async () => {
    const { lagging } = await twoChildren();
    // Three weeks without a check-in: every key result is overdue.
    t.clock.setDay('2025-03-12');
    const before = await t.w.owner.client.get<unknown>(`${API}/attention?cycleId=${t.w.cycle.id}`);
    await t.w.api.patchObjective(lagging.id, { status: 'archived' });
    const after = await t.w.owner.client.get<unknown>(`${API}/attention?cycleId=${t.w.cycle.id}`);
    expect(JSON.stringify(before.body)).toContain(lagging.id);
    expect(JSON.stringify(after.body)).not.toContain(lagging.id);
  });
});

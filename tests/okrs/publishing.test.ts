import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld, type KeyResultView, type ObjectiveView } from './support.js';

describeEachEngine('publishing objectives through the API', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('creates a draft when no status is given; created active, it passes the publish gate', async () => {
    // It created a published objective with no key results, past the gate.
    const plain = await t.w.owner.client.post<ObjectiveView>(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Grow revenue' });
    expectStatus(plain, 201);
    expect(plain.body.status).toBe('draft');

    expectProblem(
      await t.w.owner.client.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Publish at once', status: 'active' }),
      422,
      '/problems/quality-blocked',
    );
    expect((await t.w.api.objectives({ cycleId: t.w.cycle.id })).map((o) => o.title)).toEqual(['Grow revenue']);

    // An admin may publish anyway with a reason, recorded in the history.
    const overridden = await t.w.api.createObjective({
      cycleId: t.w.cycle.id,
      title: 'Kick-off',
      status: 'active',
      publishOverrideReason: 'Key results follow at the kick-off',
    });
    expect(overridden.status).toBe('active');
    const history = await t.w.owner.client.get<{ action: string }[]>(`${API}/objectives/${overridden.id}/activity`);
    expect(history.body.map((a) => a.action)).toContain('objective.publish-overridden');

    // With its key results it publishes through PATCH.
    await t.w.api.createKeyResult(plain.body.id, { ...percent('ARR'), unit: 'EUR' });
    await t.w.api.createKeyResult(plain.body.id, { ...percent('Net retention'), unit: 'percent' });
    expect((await t.w.api.patchObjective(plain.body.id, { status: 'active' })).status).toBe('active');
  });

  it("shows a key result's start, target and milestones moved after publishing, with before and after, on the key result and in the history", async () => {
    const draft = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow revenue' });
    const kr = await t.w.api.createKeyResult(draft.id, { title: 'ARR', kind: 'metric', startValue: 0, targetValue: 100, unit: 'EUR' });
    await t.w.api.createKeyResult(draft.id, { ...percent('Net retention'), unit: 'percent' });
    // While a draft, shaping it is planning, not moving a target.
    expect((await t.w.api.patchKeyResult(kr.id, { targetValue: 120 })).targetChanges).toEqual([]);
    await t.w.api.patchObjective(draft.id, { status: 'active' });

    const moved = await t.w.owner.client.patch<KeyResultView>(`${API}/key-results/${kr.id}`, { targetValue: 80, title: 'ARR (renamed)' });
    expectStatus(moved, 200);
    expect(moved.body.targetChanges).toEqual([{ at: expect.any(String), by: 'Olivia Owner', field: 'targetValue', from: 120, to: 80 }]);
    expect((await t.w.api.objective(draft.id)).keyResults.find((k) => k.id === kr.id)!.targetChanges).toHaveLength(1);
    const history = await t.w.owner.client.get<{ action: string; after: unknown }[]>(`${API}/objectives/${draft.id}/activity`);
    expect(history.body).toContainEqual(
      expect.objectContaining({ action: 'key_result.target-changed', after: { changes: [{ field: 'targetValue', from: 120, to: 80 }] } }),
    );
  });
});

import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld, type KeyResultView, type ObjectiveView } from './support.js';

describeEachEngine('owners of published objectives and key results', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  /** A draft with two key results, ready to publish. */
  async function readyDraft(title = 'Grow revenue') {
    const draft = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title });
    const first = await t.w.api.createKeyResult(draft.id, { ...percent('ARR'), unit: 'EUR' });
    await t.w.api.createKeyResult(draft.id, { ...percent('Net retention'), unit: 'percent' });
    return { draft, first };
  }

  it('refuses to publish an objective owned by nobody, naming ownerId; with an owner it publishes', async () => {
    const { draft } = await readyDraft();
    await t.w.api.patchObjective(draft.id, { ownerId: null });
    const refused = expectProblem(
      await t.w.owner.client.patch(`${API}/objectives/${draft.id}`, { status: 'active' }),
      422,
      '/problems/quality-blocked',
    );
    expect(refused.errors).toContainEqual(expect.objectContaining({ field: 'ownerId' }));
    expect((await t.w.api.objective(draft.id)).status).toBe('draft');

    const published = await t.w.api.patchObjective(draft.id, { ownerId: t.w.owner.user.id, status: 'active' });
    expect(published).toMatchObject({ status: 'active', ownerId: t.w.owner.user.id });
  });

  it('refuses to publish while one of its key results is owned by nobody, naming that key result', async () => {
    const { draft, first } = await readyDraft();
    await t.w.api.patchKeyResult(first.id, { ownerId: null });
    const refused = expectProblem(
      await t.w.owner.client.patch(`${API}/objectives/${draft.id}`, { status: 'active' }),
      422,
      '/problems/quality-blocked',
    );
    expect(refused.errors).toContainEqual(expect.objectContaining({ field: 'keyResults[0].ownerId' }));
  });

  it('refuses to clear the owner of a published objective or key result (422 naming ownerId)', async () => {
    const { draft, first } = await readyDraft();
    await t.w.api.patchObjective(draft.id, { status: 'active' });
    expectProblem(
      await t.w.owner.client.patch(`${API}/objectives/${draft.id}`, { ownerId: null }),
      422,
      '/problems/validation-failed',
      'ownerId',
    );
    expectProblem(
      await t.w.owner.client.patch(`${API}/key-results/${first.id}`, { ownerId: null }),
      422,
      '/problems/validation-failed',
      'ownerId',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${draft.id}/key-results`, { ...percent('Logos'), unit: 'logos', ownerId: null }),
      422,
      '/problems/validation-failed',
      'ownerId',
    );
    const after = await t.w.api.objective(draft.id);
    expect(after.ownerId).toBe(t.w.owner.user.id);
    expect(after.keyResults.map((kr) => kr.ownerId)).toEqual([t.w.owner.user.id, t.w.owner.user.id]);
  });

  it('an organisation that lowers the rule to a warning may leave published work to nobody', async () => {
    expectStatus(await t.w.owner.client.put(`${API}/organization/principles`, { rules: { 'no-owner': 'warn' } }), 200);
    const { draft, first } = await readyDraft();
    await t.w.api.patchObjective(draft.id, { status: 'active' });
    const cleared = await t.w.owner.client.patch<ObjectiveView>(`${API}/objectives/${draft.id}`, { ownerId: null });
    expectStatus(cleared, 200);
    expect(cleared.body.ownerId).toBeNull();
    const kr = await t.w.owner.client.patch<KeyResultView>(`${API}/key-results/${first.id}`, { ownerId: null });
    expectStatus(kr, 200);
    expect(kr.body.ownerId).toBeNull();
  });
});

import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, type CycleView, useOkrWorld } from './support.js';

// The world holds an active Q1 2025 (1 Jan – 31 Mar).
describeEachEngine('cycles: no duplicates, delete while empty, archive otherwise', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const post = (body: object) => t.w.owner.client.post(`${API}/cycles`, body);

  it('refuses a second cycle with the same name (any case) or overlapping dates, naming the field', async () => {
    expectProblem(await post({ name: 'q1 2025', startDate: '2025-04-01', endDate: '2025-06-30' }), 409, '/problems/conflict', 'name');
    expectProblem(await post({ name: 'Spring', startDate: '2025-03-31', endDate: '2025-06-30' }), 409, '/problems/conflict', 'startDate');
    const q2 = await post({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' });
    expectStatus(q2, 201);
    // Renaming or moving onto another cycle is refused the same way.
    expectProblem(await t.w.owner.client.patch(`${API}/cycles/${q2.body.id}`, { name: 'Q1 2025' }), 409, '/problems/conflict', 'name');
    expectProblem(
      await t.w.owner.client.patch(`${API}/cycles/${q2.body.id}`, { startDate: '2025-03-15' }),
      409,
      '/problems/conflict',
      'startDate',
    );
  });

  it('deletes a cycle holding only drafts, refuses one with published objectives (409), which is archived instead', async () => {
    const q2 = await t.w.api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' });
    await t.w.api.createObjective({ cycleId: q2.id, title: 'A draft' });
    expectStatus(await t.w.owner.client.delete(`${API}/cycles/${q2.id}`), 204);
    expectProblem(await t.w.owner.client.get(`${API}/cycles/${q2.id}`), 404, '/problems/not-found');

    await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Published' });
    expectProblem(await t.w.owner.client.delete(`${API}/cycles/${t.w.cycle.id}`), 409, '/problems/conflict', 'id');

    const archived = await t.w.owner.client.patch(`${API}/cycles/${t.w.cycle.id}`, { archived: true });
    expectStatus(archived, 200);
    expect(archived.body.archived).toBe(true);
    const names = async (query = '') =>
      ((await t.w.owner.client.get(`${API}/cycles${query}`)).body as CycleView[]).map((c) => [c.name, c.archived]);
    expect(await names(), 'archived cycles leave the switcher').toEqual([]);
    expect(await names('?includeArchived=true')).toEqual([['Q1 2025', true]]);
    expect((await t.w.api.cycle(t.w.cycle.id)).summary.objectives, 'its objectives stay').toBe(1);
    expectStatus(await t.w.owner.client.patch(`${API}/cycles/${t.w.cycle.id}`, { archived: false }), 200);
    expect(await names()).toEqual([['Q1 2025', false]]);
  });
});

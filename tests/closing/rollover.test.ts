import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { objectives } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectRollupsConsistent, useOkrWorld } from '../okrs/support.js';
import { ReviewApi } from './support.js';

interface Candidate {
  objectiveId: string;
  title: string;
  next: string | null;
  preselected: boolean;
  keyResults: { title: string; carriable: boolean; preselected: boolean }[];
}

describeEachEngine('Rollover into the next cycle', (engine) => {
  const t = useOkrWorld(engine, '2025-04-02');
  const Q2 = { name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30' };

  /** Parent P with a metric KR at 40 of 100 and a milestone KR (one of two done); child C aligned to P; loner L aligned to P's metric KR. */
  async function closedQuarter() {
    t.clock.setDay('2025-03-20');
    const api = t.w.api;
    const p = await api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Platform' }, 40, '2025-03-15');
    const m = await api.createKeyResult(p.objective.id, {
      title: 'Launch steps',
      kind: 'milestone',
      milestones: [{ title: 'Design' }, { title: 'Build' }],
      effectiveStartDate: null,
    });
    await api.checkIn(m.id, { milestonesDone: [true, false], asOf: '2025-03-15' });
    const c = await api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Child' }, 10, '2025-03-15');
    await api.align(c.objective.id, { parentObjectiveId: p.objective.id });
    const l = await api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Loner' }, 100, '2025-03-15');
    await api.align(l.objective.id, { parentKeyResultId: p.kr.id });
    await api.patchCycle(t.w.cycle.id, { status: 'review' });
    await new ReviewApi(t.w.owner.client).note(p.objective.id, { outcome: 'partially', next: 'carry_over' });
    await new ReviewApi(t.w.owner.client).note(l.objective.id, { outcome: 'achieved', next: 'done' });
    t.clock.setDay('2025-04-02');
    await api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Child has no note' });
    const q2 = await api.createCycle({ ...Q2, status: 'active' });
    return { p, m, c, l, q2 };
  }

  const rollover = (body: unknown, cycleId = t.w.cycle.id) =>
    t.w.owner.client.post<{ previousObjectiveId: string; objectiveId: string }[]>(`${API}/cycles/${cycleId}/rollover`, body);

  it('preselects objectives whose closing note says carry_over, and the key results with something left', async () => {
    await closedQuarter();
    const candidates = await t.w.owner.client.get<Candidate[]>(`${API}/cycles/${t.w.cycle.id}/rollover`);
    expectStatus(candidates, 200);
    expect(
      candidates.body.map((c) => [c.title, c.next, c.preselected, c.keyResults.map((k) => [k.title, k.carriable, k.preselected])]),
    ).toEqual([
      ['Child', null, false, [['Child KR', true, false]]],
      ['Loner', 'done', false, [['Loner KR', false, false]]], // reached its target: nothing left to carry
      [
        'Platform',
        'carry_over',
        true,
        [
          ['Platform KR', true, true],
          ['Launch steps', true, true],
        ],
      ],
    ]);
  });

  it('carries drafts linked to their predecessor: metric from its last value, undone milestones only, alignments whose parent came too', async () => {
    const { p, m, c, l, q2 } = await closedQuarter();
    const carried = await rollover({
      targetCycleId: q2.id,
      objectives: [
        { objectiveId: p.objective.id, keyResultIds: [p.kr.id, m.id] },
        { objectiveId: c.objective.id, keyResultIds: [] },
        { objectiveId: l.objective.id, keyResultIds: [l.kr.id] },
      ],
    });
    expectStatus(carried, 201);
    const newId = new Map(carried.body.map((r) => [r.previousObjectiveId, r.objectiveId]));
    const platform = await t.w.api.objective(newId.get(p.objective.id)!);
    expect(platform).toMatchObject({ cycleId: q2.id, status: 'draft', previousObjectiveId: p.objective.id, title: 'Platform' });
    expect(platform.keyResults.map((k) => [k.title, k.kind, k.startValue, k.targetValue, k.currentValue, k.milestones])).toEqual([
      ['Platform KR', 'metric', 40, 100, null, null],
      ['Launch steps', 'milestone', null, null, null, [{ title: 'Build', weight: 1, done: false }]],
    ]);
    const child = await t.w.api.objective(newId.get(c.objective.id)!);
    expect(child.parents.map((a) => a.parentObjectiveId)).toEqual([platform.id]);
    const loner = await t.w.api.objective(newId.get(l.objective.id)!);
    expect(loner.keyResults).toEqual([]); // its key result had reached its target
    expect(loner.parents.map((a) => a.parentKeyResultId)).toEqual([platform.keyResults[0]!.id]);
    await expectRollupsConsistent(engine().db, t.w.orgId, q2.id, '2025-04-02', 'after the rollover');
    // The closed quarter is untouched.
    expect((await t.w.api.objective(p.objective.id)).status).toBe('closed');

    // The same objective again into the same target: refused, naming it.
    expectProblem(
      await rollover({ targetCycleId: q2.id, objectives: [{ objectiveId: p.objective.id }] }),
      409,
      '/problems/conflict',
      'objectives[0].objectiveId',
    );
  });

  it('refuses bad rollovers naming the field, and creates nothing', async () => {
    const { p, c, q2 } = await closedQuarter();
    const count = async () => (await engine().db.select().from(objectives).where(eq(objectives.cycleId, q2.id))).length;
    expectProblem(
      await rollover({ targetCycleId: t.w.cycle.id, objectives: [{ objectiveId: p.objective.id }] }),
      422,
      '/problems/validation-failed',
      'targetCycleId',
    );
    const twice = { targetCycleId: q2.id, objectives: [{ objectiveId: p.objective.id }, { objectiveId: p.objective.id }] };
    expectProblem(await rollover(twice), 422, '/problems/validation-failed', 'objectives[1].objectiveId');
    expectProblem(
      await rollover({ targetCycleId: q2.id, objectives: [{ objectiveId: p.objective.id, keyResultIds: [c.kr.id] }] }),
      422,
      '/problems/validation-failed',
      'objectives[0].keyResultIds[0]',
    );
    expectProblem(await rollover({ targetCycleId: q2.id, objectives: [] }), 400, '/problems/validation-failed', 'objectives');
    expectProblem(
      await rollover({ targetCycleId: 'nope', objectives: [{ objectiveId: p.objective.id }] }),
      400,
      '/problems/validation-failed',
      'targetCycleId',
    );
    // Into a closed cycle.
    const q3 = await t.w.api.createCycle({ name: 'Q3 2025', startDate: '2025-07-01', endDate: '2025-09-30', status: 'active' });
    await t.w.api.patchCycle(q3.id, { status: 'closed' });
    expectProblem(
      await rollover({ targetCycleId: q3.id, objectives: [{ objectiveId: p.objective.id }] }),
      409,
      '/problems/cycle-closed',
      'targetCycleId',
    );
    // From a cycle still running.
    expectProblem(
      await rollover({ targetCycleId: t.w.cycle.id, objectives: [{ objectiveId: p.objective.id }] }, q2.id),
      409,
      '/problems/conflict',
      'id',
    );
    expect(await count()).toBe(0);
  });
});

import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { API, expectNear, expectRollupsConsistent, percent, type CheckInView, type ObjectiveView, useOkrWorld } from './support.js';

describeEachEngine('OKR writes at the same moment', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const clock = t.clock;

  const postCheckIn = (keyResultId: string, body: { value: number; asOf?: string }) =>
    t.w.owner.client.post<CheckInView>(`${API}/key-results/${keyResultId}/check-ins`, body);
  const consistent = (context: string) => expectRollupsConsistent(engine().db, t.w.orgId, t.w.cycle.id, clock.today, context);

  /** Company (aligned) ← Team, whose progress is (own KR + sibling KR at 100) / 2. */
  async function chain() {
    const company = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Company', progressDriver: 'aligned' });
    const { objective, kr } = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Team' });
    const sibling = await t.w.api.createKeyResult(objective.id, percent('Sibling'));
    await t.w.api.checkIn(sibling.id, { value: 100, asOf: '2025-01-02' });
    await t.w.api.align(objective.id, { parentObjectiveId: company.id });
    return { company, objective, kr };
  }

  it('two check-ins on one key result sent together both land; the later asOf wins and the roll-up is exact', async () => {
    const { company, objective, kr } = await chain();
    const [later, earlier] = await Promise.all([
      postCheckIn(kr.id, { value: 70, asOf: '2025-02-12' }),
      postCheckIn(kr.id, { value: 30, asOf: '2025-02-10' }),
    ]);
    expectStatus(later, 201);
    expectStatus(earlier, 201);
    expect((await t.w.api.checkIns(kr.id)).map((c) => c.id)).toEqual([later.body.id, earlier.body.id]);
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ currentValue: 70, lastCheckInDate: '2025-02-12' });
    expectNear(await t.w.api.progressOf(objective.id), (0.7 + 1) / 2);
    expectNear(await t.w.api.progressOf(company.id), (0.7 + 1) / 2);
    await consistent('after two check-ins with different dates');
  });

  it('two check-ins with the same asOf sent together: the last entered wins, and the roll-up agrees', async () => {
    const { company, kr } = await chain();
    const responses = await Promise.all([postCheckIn(kr.id, { value: 20 }), postCheckIn(kr.id, { value: 60 })]);
    for (const response of responses) expectStatus(response, 201);
    const [newest, older] = await t.w.api.checkIns(kr.id);
    expect([newest?.asOf, older?.asOf]).toEqual(['2025-02-15', '2025-02-15']);
    expect(Date.parse(newest!.createdAt)).toBeGreaterThanOrEqual(Date.parse(older!.createdAt));
    const view = await t.w.api.keyResult(kr.id);
    expect(view.currentValue, 'the key result shows the newest check-in of the list').toBe(newest!.value);
    expectNear(await t.w.api.progressOf(company.id), (newest!.value! / 100 + 1) / 2);
    await consistent('after two check-ins with the same date');
  });

  it('many writes under one parent at once leave every roll-up equal to the from-scratch value', async () => {
    const group = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Group', progressDriver: 'aligned' });
    const company = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Company', progressDriver: 'aligned' });
    await t.w.api.align(company.id, { parentObjectiveId: group.id });
    const rollupOwner = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Roll-up owner', progressDriver: 'both' });
    const rollup = await t.w.api.createKeyResult(rollupOwner.id, { title: 'Roll-up', kind: 'rollup' });
    await t.w.api.align(rollupOwner.id, { parentObjectiveId: company.id });
    const teams = [];
    for (let i = 0; i < 4; i++) {
      const team = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: `Team ${i}`, weight: i + 1 });
      await t.w.api.align(team.objective.id, { parentObjectiveId: company.id });
      await t.w.api.align(team.objective.id, { parentKeyResultId: rollup.id });
      teams.push(team);
    }
    for (let round = 0; round < 3; round++) {
      const values = teams.map((_, i) => (round * 37 + i * 23) % 101);
      const writes: Promise<{ status: number }>[] = teams.map((team, i) => postCheckIn(team.kr.id, { value: values[i]! }));
      // Structure changes race with the check-ins too.
      writes.push(t.w.owner.client.patch<ObjectiveView>(`${API}/objectives/${teams[round]!.objective.id}`, { weight: round + 5 }));
      const results = await Promise.all(writes);
      for (const result of results) expect([200, 201]).toContain(result.status);
      await consistent(`after round ${round}`);
    }
    expect(await t.w.api.progressOf(group.id), 'three levels up from the check-ins').toBeGreaterThan(0);
  });
});

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { organizations } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectNear, MISSING_ID, type ProgressStatus, useOkrWorld } from './support.js';

describeEachEngine('OKR pace, status, staleness and time travel', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const clock = t.clock;

  it('expected progress is 0 on the first day, n/(n+1) on the last, 1 after the end and 0 before the start', async () => {
    const { objective, kr } = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Pace' });
    const short = await t.w.api.createCycle({ name: 'Sprint', startDate: '2025-05-01', endDate: '2025-05-10' });
    const sprint = await t.w.api.objectiveAt({ cycleId: short.id, title: 'Sprint goal' });
    const expectedAt = async (day: string) => {
      clock.setDay(day);
      const view = await t.w.api.objective(objective.id);
      expect(view.asOf).toBe(day);
      expect(view.keyResults[0]?.id).toBe(kr.id);
      expect(view.keyResults[0]?.expectedProgress, 'key result and objective share the pace').toBe(view.expectedProgress);
      expect((await t.w.api.cycle(t.w.cycle.id)).summary.expectedProgress, 'the cycle summary too').toBe(view.expectedProgress);
      return view;
    };

    const first = await expectedAt('2025-01-01');
    expect(first.expectedProgress).toBe(0);
    expect(first.progressStatus, 'nothing is expected yet').toBe('on_track');
    expectNear((await expectedAt('2025-01-02')).expectedProgress, 1 / 90);
    // Q1 2025: n = daysBetween(2025-01-01, 2025-03-31) = 89.
    expectNear((await expectedAt('2025-03-31')).expectedProgress, 89 / 90);
    expect((await expectedAt('2025-04-01')).expectedProgress).toBe(1);
    expect((await expectedAt('2024-12-20')).expectedProgress).toBe(0);
    // A ten-day sprint on its last day: 9 / 10.
    clock.setDay('2025-05-10');
    expectNear((await t.w.api.objective(sprint.objective.id)).expectedProgress, 0.9);
  });

  it('status is on_track, at_risk and off_track exactly at the default margins (0.10 and 0.25)', async () => {
    // 2025-02-15: 45 of 90 days gone, expected 0.5; on track from 0.40, at risk from 0.25.
    const cases: [number, ProgressStatus][] = [
      [100, 'on_track'],
      [40, 'on_track'],
      [39.99, 'at_risk'],
      [25, 'at_risk'],
      [24.99, 'off_track'],
      [0, 'off_track'],
    ];
    const made = [];
    for (const [value, status] of cases)
      made.push({ ...(await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: `At ${value}` }, value)), status });
    for (const { objective, kr, status } of made) {
      const view = await t.w.api.objective(objective.id);
      expect(view.expectedProgress).toBe(0.5);
      expect([view.title, view.progressStatus], 'objective').toEqual([objective.title, status]);
      expect([view.title, (await t.w.api.keyResult(kr.id)).status], 'key result').toEqual([objective.title, status]);
    }
    expect((await t.w.api.cycle(t.w.cycle.id)).summary.byStatus).toEqual({ on_track: 2, at_risk: 2, off_track: 2 });

    // Confidence never changes the status.
    await t.w.api.checkIn(made[5]!.kr.id, { value: 0, confidence: 10 });
    expect((await t.w.api.objective(made[5]!.objective.id)).progressStatus).toBe('off_track');

    // The organisation's own margins are used when set.
    await engine()
      .db.update(organizations)
      .set({ settings: { onTrackMargin: 0, atRiskMargin: 0.1 } })
      .where(eq(organizations.id, t.w.orgId));
    const statuses = await Promise.all(made.map(async ({ objective }) => (await t.w.api.objective(objective.id)).progressStatus));
    // On track from 0.5, at risk from 0.4.
    expect(statuses).toEqual(['on_track', 'at_risk', 'off_track', 'off_track', 'off_track', 'off_track']);
    expect((await t.w.api.cycle(t.w.cycle.id)).summary.byStatus).toEqual({ on_track: 1, at_risk: 1, off_track: 4 });
  });

  it('a key result without a check-in for 10 days on a weekly team is stale; a check-in clears it', async () => {
    const team = await createTeam(t.w.owner.client, { name: 'Platform' });
    const { objective, kr } = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Weekly', teamId: team.id }, 10, '2025-02-05');
    const rollup = await t.w.api.createKeyResult(objective.id, { title: 'Never stale', kind: 'rollup' });
    const at = async (day: string) => {
      clock.setDay(day);
      const view = await t.w.api.objective(objective.id);
      return {
        objective: view.stale,
        kr: view.keyResults.find((k) => k.id === kr.id)?.stale,
        rollup: view.keyResults.find((k) => k.id === rollup.id)?.stale,
      };
    };

    expect(await at('2025-02-14'), '9 days: within 7 + 2').toEqual({ objective: false, kr: false, rollup: false });
    expect((await t.w.api.cycle(t.w.cycle.id)).summary.staleKeyResults).toBe(0);
    expect(await at('2025-02-15'), '10 days').toEqual({ objective: true, kr: true, rollup: false });
    expect((await t.w.api.cycle(t.w.cycle.id)).summary.staleKeyResults).toBe(1);

    await t.w.api.checkIn(kr.id, { value: 20 });
    expect(await at('2025-02-15')).toEqual({ objective: false, kr: false, rollup: false });
    expect((await t.w.api.cycle(t.w.cycle.id)).summary.staleKeyResults).toBe(0);

    // A biweekly team has 14 + 2 days.
    expectStatus(await t.w.owner.client.patch(`${API}/teams/${team.id}`, { checkInCadence: 'biweekly' }), 200);
    expect((await at('2025-03-03')).kr, '16 days').toBe(false);
    expect((await at('2025-03-04')).kr, '17 days').toBe(true);

    // Time travel judges staleness on the date looked at.
    clock.setDay('2025-03-04');
    const past = await t.w.api.objective(objective.id, '2025-02-20');
    expect([past.stale, past.keyResults.find((k) => k.id === kr.id)?.lastCheckInDate]).toEqual([false, '2025-02-15']);

    // A closed cycle is final: nothing in it is stale.
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the test without a review' });
    expect(await at('2025-03-20')).toEqual({ objective: false, kr: false, rollup: false });
  });

  it("'today' is the organisation's calendar date", async () => {
    const { kr } = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Far east' });
    // Noon UTC on 2025-02-15 is already 2025-02-16 in Auckland.
    expectProblem(
      await t.w.owner.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 5, asOf: '2025-02-16' }),
      422,
      '/problems/validation-failed',
      'asOf',
    );
    expectStatus(await t.w.owner.client.patch(`${API}/organization`, { timeZone: 'Pacific/Auckland' }), 200);
    expect((await t.w.api.checkIn(kr.id, { value: 5 })).asOf).toBe('2025-02-16');
    const view = await t.w.api.keyResult(kr.id);
    expect(view.lastCheckInDate).toBe('2025-02-16');
    expectNear(view.expectedProgress, 46 / 90);
  });

  it('?asOf shows progress from the history: 0 before any check-in, the earlier value between two', async () => {
    const company = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Company', progressDriver: 'aligned' });
    const { objective, kr } = await t.w.api.objectiveAt({ cycleId: t.w.cycle.id, title: 'Team' });
    await t.w.api.align(objective.id, { parentObjectiveId: company.id });
    const flow = await t.w.api.createKeyResult(objective.id, {
      title: 'Flow',
      kind: 'milestone',
      milestones: [{ title: 'A' }, { title: 'B' }],
    });
    await t.w.api.checkIn(kr.id, { value: 30, asOf: '2025-01-10' });
    const later = await t.w.api.checkIn(kr.id, { value: 60, asOf: '2025-01-20' });
    await t.w.api.checkIn(flow.id, { milestonesDone: [true, false], asOf: '2025-01-12' });
    await t.w.api.checkIn(flow.id, { milestonesDone: [true, true], asOf: '2025-02-01' });

    // Now: (0.6 + 1) / 2.
    const now = await t.w.api.objective(objective.id);
    expect(now.asOf).toBe('2025-02-15');
    expectNear(now.progress, 0.8);

    const before = await t.w.api.objective(objective.id, '2025-01-05');
    // Published on 15 February: as of an earlier day it was not yet published, so it has no status (pace_history).
    expect(before).toMatchObject({ asOf: '2025-01-05', progress: 0, progressStatus: null });
    expectNear(before.expectedProgress, 4 / 90);
    expect(before.keyResults.map((k) => [k.currentValue, k.lastCheckInDate, k.progress])).toEqual([
      [null, null, 0],
      [null, null, 0],
    ]);
    expect(before.keyResults[1]?.milestones?.map((m) => m.done)).toEqual([false, false]);
    expect((await t.w.api.objective(company.id, '2025-01-05')).progress).toBe(0);

    const between = await t.w.api.objective(objective.id, '2025-01-15');
    expect(between.keyResults.map((k) => [k.currentValue, k.lastCheckInDate])).toEqual([
      [30, '2025-01-10'],
      [null, '2025-01-12'],
    ]);
    expect(between.keyResults[1]?.milestones?.map((m) => m.done)).toEqual([true, false]);
    expectNear(between.progress, (0.3 + 0.5) / 2);
    expectNear((await t.w.api.objective(company.id, '2025-01-15')).progress, 0.4);
    // On the date of a check-in, that check-in counts.
    expectNear((await t.w.api.objective(objective.id, '2025-01-20')).progress, (0.6 + 0.5) / 2);
    expect((await t.w.api.keyResult(kr.id, '2025-01-19')).currentValue).toBe(30);

    const tree = await t.w.api.tree(t.w.cycle.id, { asOf: '2025-01-15' });
    expect(tree.roots.map((r) => [r.title, r.asOf, r.children.map((c) => c.title)])).toEqual([['Company', '2025-01-15', ['Team']]]);
    expectNear(tree.roots[0]!.progress, 0.4);
    expectNear(tree.roots[0]!.children[0]!.progress, 0.4);
    expect((await t.w.api.tree(t.w.cycle.id, { asOf: '2024-12-31' })).roots[0]?.progress).toBe(0);
    const listed = await t.w.api.objectives({ cycleId: t.w.cycle.id, asOf: '2025-01-15' });
    expect(listed.map((o) => [o.title, o.asOf])).toEqual([
      ['Company', '2025-01-15'],
      ['Team', '2025-01-15'],
    ]);

    // A back-dated check-in entered now rewrites that part of the history, not the present.
    await t.w.api.checkIn(kr.id, { value: 45, asOf: '2025-01-12' });
    expect((await t.w.api.keyResult(kr.id, '2025-01-15')).currentValue).toBe(45);
    expect((await t.w.api.keyResult(kr.id, '2025-01-11')).currentValue).toBe(30);
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(60);
    // A deleted check-in never happened, in the past as in the present.
    expectStatus(await t.w.owner.client.delete(`${API}/check-ins/${later.id}`), 204);
    expect((await t.w.api.keyResult(kr.id, '2025-01-25')).currentValue).toBe(45);
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(45);

    expectProblem(
      await t.w.owner.client.get(`${API}/objectives/${objective.id}?asOf=2025-13-01`),
      400,
      '/problems/validation-failed',
      'asOf',
    );
    expectProblem(await t.w.owner.client.get(`${API}/objectives/${MISSING_ID}?asOf=2025-01-15`), 404, '/problems/not-found');
  });
});

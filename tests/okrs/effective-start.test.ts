import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectNear, percent, useOkrWorld } from './support.js';

// Q1 2025 runs 1 Jan – 31 Mar (90 days). Published on 1 March, pace runs over 1–31 March (31 days).
describeEachEngine('OKR pace from the effective start (objectives set mid-cycle)', (engine) => {
  const t = useOkrWorld(engine, '2025-03-01');

  const draftWithKeyResult = async (title: string) => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title });
    const kr = await t.w.api.createKeyResult(objective.id, percent(`${title} KR`));
    return { objective, kr };
  };

  it('a draft has no status; published mid-cycle, 0 % is on track on its first day and pace runs over the remaining window', async () => {
    const { objective, kr } = await draftWithKeyResult('Launch in Spain');
    const draft = await t.w.api.objective(objective.id);
    expect([draft.progressStatus, draft.keyResults[0]?.status, draft.effectiveStartDate]).toEqual([null, null, null]);

    const published = await t.w.api.publish(objective.id);
    expect(published.effectiveStartDate, 'the day it was published').toBe('2025-03-01');
    const first = await t.w.api.objective(objective.id);
    expect([first.expectedProgress, first.progressStatus, first.paceStartDate]).toEqual([0, 'on_track', '2025-03-01']);
    expect([first.keyResults[0]?.expectedProgress, first.keyResults[0]?.status]).toEqual([0, 'on_track']);
    expect((await t.w.api.cycle(t.w.cycle.id)).summary.byStatus).toEqual({ on_track: 1, at_risk: 0, off_track: 0 });

    // The coach does not scold a just-published objective for 0 %.
    const quality = await t.w.owner.client.get(`${API}/objectives/${objective.id}/quality`);
    expectStatus(quality, 200);
    expect(JSON.stringify(quality.body)).not.toContain('behind-pace-without-note');

    // A week later: 7 / 31 expected; 20 % is on track (margin 0.10), 0 % is at risk.
    t.clock.setDay('2025-03-08');
    const week = await t.w.api.objective(objective.id);
    expectNear(week.expectedProgress, 7 / 31);
    expect(week.progressStatus).toBe('at_risk');
    await t.w.api.checkIn(kr.id, { value: 20 });
    expect((await t.w.api.objective(objective.id)).progressStatus).toBe('on_track');
  });

  it('the effective start is editable by those who edit the objective, recorded in its history, and null means the cycle start', async () => {
    const { objective } = await draftWithKeyResult('Hire two engineers');
    await t.w.api.publish(objective.id);
    const moved = await t.w.api.patchObjective(objective.id, { effectiveStartDate: null });
    expect(moved.effectiveStartDate).toBeNull();
    const fromCycleStart = await t.w.api.objective(objective.id);
    // 1 March is day 59 of 90: 0 % is off track against the whole cycle.
    expectNear(fromCycleStart.expectedProgress, 59 / 90);
    expect([fromCycleStart.progressStatus, fromCycleStart.paceStartDate]).toEqual(['off_track', '2025-01-01']);

    const activity = await t.w.owner.client.get(`${API}/objectives/${objective.id}/activity`);
    expectStatus(activity, 200);
    const starts = (activity.body as { after: { effectiveStartDate?: string | null } | null }[])
      .map((a) => a.after?.effectiveStartDate)
      .filter((v) => v !== undefined);
    expect(starts, 'published on 1 March, then moved back to the cycle start').toEqual(expect.arrayContaining(['2025-03-01', null]));

    const member = await addPerson(t.w.owner.client, { name: 'Mo Member' });
    expectProblem(
      await member.client.patch(`${API}/objectives/${objective.id}`, { effectiveStartDate: '2025-03-01' }),
      403,
      '/problems/forbidden',
    );
  });

  it('a key result added to a published objective starts the day it is added', async () => {
    const { objective, kr } = await draftWithKeyResult('Cut churn');
    t.clock.setDay('2025-02-01');
    await t.w.api.publish(objective.id);
    t.clock.setDay('2025-03-01');
    const late = await t.w.api.createKeyResult(objective.id, percent('Exit interviews'));
    expect(late.effectiveStartDate).toBe('2025-03-01');
    const view = await t.w.api.objective(objective.id);
    const byId = new Map(view.keyResults.map((k) => [k.id, k]));
    // The first key result runs from 1 February (28 of 59 days gone), the late one from today.
    expectNear(byId.get(kr.id)!.expectedProgress, 28 / 59);
    expect([byId.get(late.id)!.expectedProgress, byId.get(late.id)!.status]).toEqual([0, 'on_track']);
  });
});

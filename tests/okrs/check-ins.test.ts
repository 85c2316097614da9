import { expect, it } from 'vitest';
import { checkIns } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectNear, MISSING_ID, OkrApi, percent, type CheckInView, useOkrWorld } from './support.js';

describeEachEngine('OKR check-ins', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const clock = t.clock;

  const post = (keyResultId: string, body: Record<string, unknown>) =>
    t.w.owner.client.post(`${API}/key-results/${keyResultId}/check-ins`, body);
  const storedCheckIns = () => engine().db.select().from(checkIns);

  it('turns a value into achievement and progress: 1.5 over target (progress 1), 0 below the start', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, {
      title: 'Customers 100 → 200',
      kind: 'metric',
      startValue: 100,
      targetValue: 200,
    });

    const created = await t.w.api.checkIn(kr.id, { value: 250, confidence: 7, note: 'Great month' });
    expect(created).toMatchObject({
      keyResultId: kr.id,
      authorId: t.w.owner.user.id,
      authorName: 'Olivia Owner',
      asOf: '2025-02-15',
      value: 250,
      confidence: 7,
      note: 'Great month',
      blockers: null,
    });
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({
      currentValue: 250,
      achievement: 1.5,
      progress: 1,
      lastCheckInDate: '2025-02-15',
      confidence: 7,
    });
    expect(await t.w.api.progressOf(objective.id)).toBe(1);

    await t.w.api.checkIn(kr.id, { value: 50 });
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ currentValue: 50, achievement: -0.5, progress: 0 });
    expect(await t.w.api.progressOf(objective.id)).toBe(0);

    await t.w.api.checkIn(kr.id, { value: 175 });
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ achievement: 0.75, progress: 0.75 });
    expect(await t.w.api.progressOf(objective.id)).toBe(0.75);

    // After the cycle's end the default date is its last day.
    clock.setDay('2025-04-10');
    expect((await t.w.api.checkIn(kr.id, { value: 180 })).asOf, 'defaults to endDate').toBe('2025-03-31');
  });

  it('dates a check-in inside the cycle and not in the future (422 naming asOf), saving nothing', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Revenue'));
    expectProblem(await post(kr.id, { value: 10, asOf: '2024-12-31' }), 422, '/problems/validation-failed', 'asOf');
    expectProblem(await post(kr.id, { value: 10, asOf: '2025-04-01' }), 422, '/problems/validation-failed', 'asOf');
    // Tomorrow is inside the cycle but in the future.
    expectProblem(await post(kr.id, { value: 10, asOf: '2025-02-16' }), 422, '/problems/validation-failed', 'asOf');
    expectProblem(await post(kr.id, { value: 10, asOf: '15/02/2025' }), 400, '/problems/validation-failed', 'asOf');
    expect(await storedCheckIns()).toEqual([]);
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ progress: 0, currentValue: null, lastCheckInDate: null });

    // Before the cycle starts there is no day to date a check-in on.
    clock.setDay('2024-12-20');
    expectProblem(await post(kr.id, { value: 10 }), 422, '/problems/validation-failed', 'asOf');
    clock.setDay('2025-02-15');
    expect((await t.w.api.checkIn(kr.id, { value: 10, asOf: '2025-01-01' })).asOf).toBe('2025-01-01');
    expect((await t.w.api.checkIn(kr.id, { value: 20, asOf: '2025-02-15' })).asOf).toBe('2025-02-15');
    expectProblem(await post(MISSING_ID, { value: 1 }), 404, '/problems/not-found');
  });

  it('checks in what the kind needs: one flag per milestone (422 milestonesDone), a value for metrics, none for roll-ups', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Ship' });
    const flow = await t.w.api.createKeyResult(objective.id, {
      title: 'Flow',
      kind: 'milestone',
      milestones: [{ title: 'Design' }, { title: 'Build', weight: 2 }, { title: 'Launch' }],
    });
    const metric = await t.w.api.createKeyResult(objective.id, percent('Adoption'));
    const rollup = await t.w.api.createKeyResult(objective.id, { title: 'Teams', kind: 'rollup' });

    expectProblem(await post(flow.id, { milestonesDone: [true, false] }), 422, '/problems/validation-failed', 'milestonesDone');
    expectProblem(await post(flow.id, { milestonesDone: [true, false, true, true] }), 422, '/problems/validation-failed', 'milestonesDone');
    expectProblem(await post(flow.id, { value: 3 }), 422, '/problems/validation-failed', 'milestonesDone');
    expectProblem(await post(metric.id, { note: 'no number' }), 422, '/problems/validation-failed', 'value');
    expectProblem(await post(rollup.id, { value: 50 }), 422, '/problems/validation-failed', 'value');
    expect(await storedCheckIns()).toEqual([]);

    await t.w.api.checkIn(flow.id, { milestonesDone: [false, true, false] });
    expect(await t.w.api.keyResult(flow.id)).toMatchObject({
      progress: 0.5,
      milestones: [{ done: false }, { done: true }, { done: false }],
    });
    // A roll-up takes confidence and notes only, and its progress stays what its children say.
    await t.w.api.checkIn(rollup.id, { confidence: 4, note: 'Waiting on teams' });
    expect(await t.w.api.keyResult(rollup.id)).toMatchObject({ progress: 0, confidence: 4, stale: false });
  });

  it('the author corrects a check-in; another team member cannot (403); an admin can; people outside cannot check in', async () => {
    const team = await createTeam(t.w.owner.client, { name: 'Platform' });
    const author = await addPerson(t.w.owner.client, { teamId: team.id, name: 'Ann Author' });
    const colleague = await addPerson(t.w.owner.client, { teamId: team.id, name: 'Colin Colleague' });
    const admin = await addPerson(t.w.owner.client, { role: 'admin', name: 'Ada Admin' });
    const outsider = await addPerson(t.w.owner.client, { name: 'Otto Outsider' });
    // Published, so that outsiders see it (a draft is hidden outside its team: 404) and are refused the check-in.
    const objective = await t.w.api.createPublished({
      cycleId: t.w.cycle.id,
      title: 'Reliability',
      teamId: team.id,
      ownerId: author.user.id,
    });
    const kr = await t.w.api.createKeyResult(objective.id, percent('SLO met'));

    const asAuthor = new OkrApi(author.client);
    const checkIn = await asAuthor.checkIn(kr.id, { value: 30, asOf: '2025-02-10' });
    expect(checkIn).toMatchObject({ authorId: author.user.id, authorName: 'Ann Author' });
    expectNear(await t.w.api.progressOf(objective.id), 0.3);

    expectProblem(await colleague.client.patch(`${API}/check-ins/${checkIn.id}`, { value: 90 }), 403, '/problems/forbidden');
    expectProblem(await colleague.client.delete(`${API}/check-ins/${checkIn.id}`), 403, '/problems/forbidden');
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(30);

    const corrected = await author.client.patch<CheckInView>(`${API}/check-ins/${checkIn.id}`, { value: 50 });
    expectStatus(corrected, 200);
    expect(corrected.body).toMatchObject({ id: checkIn.id, value: 50, asOf: '2025-02-10' });
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ currentValue: 50, progress: 0.5 });
    expectNear(await t.w.api.progressOf(objective.id), 0.5);

    expectStatus(await admin.client.patch(`${API}/check-ins/${checkIn.id}`, { value: 70, asOf: '2025-02-12' }), 200);
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ currentValue: 70, progress: 0.7, lastCheckInDate: '2025-02-12' });
    // Corrections are validated like new check-ins.
    expectProblem(
      await author.client.patch(`${API}/check-ins/${checkIn.id}`, { asOf: '2025-02-20' }),
      422,
      '/problems/validation-failed',
      'asOf',
    );
    expectProblem(
      await author.client.patch(`${API}/check-ins/${checkIn.id}`, { value: null }),
      422,
      '/problems/validation-failed',
      'value',
    );
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(70);
    expect(await storedCheckIns()).toHaveLength(1);

    expectProblem(await outsider.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 99 }), 403, '/problems/forbidden');
    expectStatus(await colleague.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 80 }), 201);
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(80);
  });

  it('deleting the latest check-in reverts to the previous one, and the last one to nothing', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Revenue'));
    const first = await t.w.api.checkIn(kr.id, { value: 20, asOf: '2025-01-10' });
    const second = await t.w.api.checkIn(kr.id, { value: 40, asOf: '2025-01-20' });
    const third = await t.w.api.checkIn(kr.id, { value: 60, asOf: '2025-02-01' });
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(60);

    expectStatus(await t.w.owner.client.delete(`${API}/check-ins/${third.id}`), 204);
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ currentValue: 40, progress: 0.4, lastCheckInDate: '2025-01-20' });
    expectNear(await t.w.api.progressOf(objective.id), 0.4);
    expect((await t.w.api.checkIns(kr.id)).map((c) => c.id)).toEqual([second.id, first.id]);
    expectProblem(await t.w.owner.client.delete(`${API}/check-ins/${third.id}`), 404, '/problems/not-found');
    expectProblem(await t.w.owner.client.patch(`${API}/check-ins/${third.id}`, { value: 1 }), 404, '/problems/not-found');

    // Deleting an older one leaves the current value alone.
    expectStatus(await t.w.owner.client.delete(`${API}/check-ins/${first.id}`), 204);
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(40);
    expectStatus(await t.w.owner.client.delete(`${API}/check-ins/${second.id}`), 204);
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({
      currentValue: null,
      progress: 0,
      achievement: 0,
      lastCheckInDate: null,
      confidence: null,
    });
    expect(await t.w.api.progressOf(objective.id)).toBe(0);
    expect(await t.w.api.checkIns(kr.id)).toEqual([]);
  });

  it('lists check-ins newest first; the latest asOf wins even when entered earlier, ties go to the last entered', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Revenue'));
    const febEarly = await t.w.api.checkIn(kr.id, { value: 80, asOf: '2025-02-10' });
    // Entered later but dated earlier: it joins the history without becoming current.
    const january = await t.w.api.checkIn(kr.id, { value: 10, asOf: '2025-01-15' });
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ currentValue: 80, progress: 0.8, lastCheckInDate: '2025-02-10' });
    expectNear(await t.w.api.progressOf(objective.id), 0.8);

    // Same date, entered later: it wins.
    const febLate = await t.w.api.checkIn(kr.id, { value: 90, asOf: '2025-02-10' });
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(90);
    const list = await t.w.api.checkIns(kr.id);
    expect(list.map((c) => [c.id, c.asOf, c.value])).toEqual([
      [febLate.id, '2025-02-10', 90],
      [febEarly.id, '2025-02-10', 80],
      [january.id, '2025-01-15', 10],
    ]);
    expect(list[0]?.authorName).toBe('Olivia Owner');

    // Deleting the winner falls back to the other one of that date, not to the last entered.
    expectStatus(await t.w.owner.client.delete(`${API}/check-ins/${febLate.id}`), 204);
    expect((await t.w.api.keyResult(kr.id)).currentValue).toBe(80);
    // Moving the January check-in past the others makes it current.
    expectStatus(await t.w.owner.client.patch(`${API}/check-ins/${january.id}`, { asOf: '2025-02-12' }), 200);
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ currentValue: 10, lastCheckInDate: '2025-02-12' });
    expectNear(await t.w.api.progressOf(objective.id), 0.1);
    expect((await t.w.api.checkIns(kr.id)).map((c) => c.id)).toEqual([january.id, febEarly.id]);
  });

  it('deletes check-ins made before a milestone was added (only an open cycle is required), and none once it is closed', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Ship' });
    const flow = await t.w.api.createKeyResult(objective.id, {
      title: 'Flow',
      kind: 'milestone',
      milestones: [{ title: 'Design' }, { title: 'Build' }],
    });
    const early = await t.w.api.checkIn(flow.id, { milestonesDone: [true, false] });
    await t.w.api.patchKeyResult(flow.id, { milestones: [{ title: 'Design' }, { title: 'Build' }, { title: 'Launch' }] });
    // It was refused with 422 "Give a done flag for each of the 3 milestones".
    expectStatus(await t.w.owner.client.delete(`${API}/check-ins/${early.id}`), 204);
    expect(await t.w.api.checkIns(flow.id)).toEqual([]);

    const kept = await t.w.api.checkIn(flow.id, { milestonesDone: [true, true, false] });
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the test without a review' });
    expectProblem(await t.w.owner.client.delete(`${API}/check-ins/${kept.id}`), 409, '/problems/cycle-closed');
  });
});

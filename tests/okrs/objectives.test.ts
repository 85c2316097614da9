import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { checkIns, keyResults, objectives } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectNear, MISSING_ID, percent, type KeyResultView, useOkrWorld } from './support.js';

describeEachEngine('OKR objectives and key results', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  const storedKeyResults = (objectiveId: string) => engine().db.select().from(keyResults).where(eq(keyResults.objectiveId, objectiveId));

  it('creates key results of every kind, and check-ins move each as the method says', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Make onboarding effortless', type: 'aspirational' });
    expect(objective).toMatchObject({
      cycleId: t.w.cycle.id,
      teamId: null,
      ownerId: t.w.owner.user.id,
      type: 'aspirational',
      weight: 1,
      progressDriver: 'key_results',
      // The API creates drafts unless asked to publish (through the publish gate).
      status: 'draft',
      progress: 0,
      keyResults: [],
    });

    const activation = await t.w.api.createKeyResult(objective.id, {
      title: 'Activation 40 → 60 %',
      kind: 'metric',
      startValue: 40,
      targetValue: 60,
      weight: 2,
    });
    const hours = await t.w.api.createKeyResult(objective.id, {
      title: 'Onboarding time 10 → 2 hours',
      kind: 'metric',
      startValue: 10,
      targetValue: 2,
    });
    const uptime = await t.w.api.createKeyResult(objective.id, { title: 'Uptime at least 99.5', kind: 'threshold', targetMin: 99.5 });
    const reply = await t.w.api.createKeyResult(objective.id, { title: 'First reply within 4 hours', kind: 'threshold', targetMax: 4 });
    const band = await t.w.api.createKeyResult(objective.id, {
      title: 'Latency between 20 and 30 ms',
      kind: 'threshold',
      targetMin: 20,
      targetMax: 30,
    });
    const flow = await t.w.api.createKeyResult(objective.id, {
      title: 'Ship the flow',
      kind: 'milestone',
      milestones: [{ title: 'Design', weight: 1 }, { title: 'Build', weight: 2 }, { title: 'Launch' }],
    });
    const rollup = await t.w.api.createKeyResult(objective.id, { title: 'Teams deliver', kind: 'rollup' });

    expect(activation).toMatchObject({
      kind: 'metric',
      startValue: 40,
      targetValue: 60,
      weight: 2,
      currentValue: null,
      progress: 0,
      achievement: 0,
      ownerId: t.w.owner.user.id,
    });
    expect(hours).toMatchObject({ startValue: 10, targetValue: 2, progress: 0 });
    expect(uptime).toMatchObject({ kind: 'threshold', targetMin: 99.5, targetMax: null, progress: 0 });
    expect(band).toMatchObject({ targetMin: 20, targetMax: 30 });
    expect(flow.milestones).toEqual([
      { title: 'Design', weight: 1, done: false },
      { title: 'Build', weight: 2, done: false },
      { title: 'Launch', weight: 1, done: false },
    ]);
    expect(rollup).toMatchObject({ kind: 'rollup', progress: 0, currentValue: null, milestones: null });

    await t.w.api.checkIn(activation.id, { value: 52 });
    await t.w.api.checkIn(hours.id, { value: 6 });
    await t.w.api.checkIn(uptime.id, { value: 99.5 }); // exactly on the limit counts
    await t.w.api.checkIn(reply.id, { value: 5.5 });
    await t.w.api.checkIn(band.id, { value: 30 });
    await t.w.api.checkIn(flow.id, { milestonesDone: [true, true, false] });

    const view = await t.w.api.objective(objective.id);
    const byId = new Map(view.keyResults.map((kr) => [kr.id, kr]));
    const progressOf = (kr: KeyResultView) => byId.get(kr.id)?.progress ?? Number.NaN;
    expectNear(progressOf(activation), 0.6);
    expectNear(progressOf(hours), 0.5); // (6 − 10) / (2 − 10)
    expect(progressOf(uptime)).toBe(1);
    expect(progressOf(reply)).toBe(0);
    expect(progressOf(band)).toBe(1);
    expectNear(progressOf(flow), 0.75);
    expect(progressOf(rollup)).toBe(0);
    expect(byId.get(flow.id)?.milestones?.map((m) => m.done)).toEqual([true, true, false]);
    expect(byId.get(hours.id)).toMatchObject({ currentValue: 6, lastCheckInDate: '2025-02-15' });
    // Weighted mean: (0.6 × 2 + 0.5 + 1 + 0 + 1 + 0.75 + 0) / 8.
    expectNear(view.progress, 4.45 / 8);

    // The band is inclusive at both ends, and a value just outside fails it.
    await t.w.api.checkIn(band.id, { value: 20 });
    expect((await t.w.api.keyResult(band.id)).progress).toBe(1);
    await t.w.api.checkIn(band.id, { value: 19.99 });
    expect((await t.w.api.keyResult(band.id)).progress).toBe(0);
    await t.w.api.checkIn(uptime.id, { value: 99.49 });
    expect((await t.w.api.keyResult(uptime.id)).progress).toBe(0);
    // The decrease goes past its target: achievement above 1, progress 1.
    await t.w.api.checkIn(hours.id, { value: 0 });
    expect(await t.w.api.keyResult(hours.id)).toMatchObject({ progress: 1, achievement: 1.25 });
    expectNear((await t.w.api.objective(objective.id)).progress, (0.6 * 2 + 1 + 0 + 0 + 0 + 0.75 + 0) / 8);
  });

  it('refuses bad key results with a problem naming the field, and saves nothing', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Quality' });
    const url = `${API}/objectives/${objective.id}/key-results`;
    const post = (body: Record<string, unknown>) => t.w.owner.client.post(url, { title: 'KR', ...body });

    expectProblem(await post({ kind: 'metric', startValue: 5, targetValue: 5 }), 422, '/problems/validation-failed', 'targetValue');
    expectProblem(await post({ kind: 'metric', targetValue: 5 }), 422, '/problems/validation-failed', 'startValue');
    expectProblem(await post({ kind: 'metric', startValue: 0, targetValue: 10, weight: 0 }), 400, '/problems/validation-failed', 'weight');
    expectProblem(await post({ kind: 'metric', startValue: 0, targetValue: 10, weight: -2 }), 400, '/problems/validation-failed', 'weight');
    expectProblem(
      await post({ kind: 'metric', startValue: 0, targetValue: 10, weight: 'heavy' }),
      400,
      '/problems/validation-failed',
      'weight',
    );
    expectProblem(await post({ kind: 'percentage', startValue: 0, targetValue: 10 }), 400, '/problems/validation-failed', 'kind');
    expectProblem(await post({ kind: 'threshold', targetMin: 10, targetMax: 5 }), 422, '/problems/validation-failed', 'targetMax');
    expectProblem(await post({ kind: 'threshold' }), 422, '/problems/validation-failed', 'targetMin');
    expectProblem(await post({ kind: 'milestone', milestones: [] }), 422, '/problems/validation-failed', 'milestones');
    expectProblem(await post({ kind: 'milestone' }), 422, '/problems/validation-failed', 'milestones');
    expectProblem(
      await post({ kind: 'milestone', milestones: [{ title: 'A', weight: 0 }] }),
      400,
      '/problems/validation-failed',
      'milestones[0].weight',
    );
    expectProblem(
      await post({ kind: 'metric', startValue: 0, targetValue: 10, ownerId: 'nobody-here' }),
      404,
      '/problems/not-found',
      'ownerId',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/objectives/${MISSING_ID}/key-results`, percent('Orphan')),
      404,
      '/problems/not-found',
    );

    expect(await t.w.api.keyResults(objective.id)).toEqual([]);
    expect(await storedKeyResults(objective.id)).toEqual([]);

    // Changing a valid key result into an invalid one is refused too, and leaves it as it was.
    const kr = await t.w.api.createKeyResult(objective.id, { title: 'Errors 50 → 10', kind: 'metric', startValue: 50, targetValue: 10 });
    expectProblem(
      await t.w.owner.client.patch(`${API}/key-results/${kr.id}`, { targetValue: 50 }),
      422,
      '/problems/validation-failed',
      'targetValue',
    );
    expectProblem(
      await t.w.owner.client.patch(`${API}/key-results/${kr.id}`, { kind: 'threshold', targetMax: 10 }),
      422,
      '/problems/validation-failed',
      'kind',
    );
    expectProblem(await t.w.owner.client.patch(`${API}/key-results/${kr.id}`, { weight: 0 }), 400, '/problems/validation-failed', 'weight');
    expect(await storedKeyResults(objective.id)).toEqual([
      expect.objectContaining({ id: kr.id, kind: 'metric', startValue: 50, targetValue: 10, weight: 1 }),
    ]);
  });

  it('refuses bad objectives naming the field (404 for unknown cycle, owner, team) and saves nothing', async () => {
    const post = (body: Record<string, unknown>) =>
      t.w.owner.client.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Objective', ...body });
    expectProblem(await post({ cycleId: MISSING_ID }), 404, '/problems/not-found', 'cycleId');
    expectProblem(await post({ ownerId: 'nobody-here' }), 404, '/problems/not-found', 'ownerId');
    expectProblem(await post({ teamId: MISSING_ID }), 404, '/problems/not-found', 'teamId');
    expectProblem(await post({ contributors: [{ teamId: MISSING_ID }] }), 404, '/problems/not-found', 'contributors[0].teamId');
    expectProblem(await post({ cycleId: 'not-a-cycle' }), 400, '/problems/validation-failed', 'cycleId');
    expectProblem(await post({ weight: 0 }), 400, '/problems/validation-failed', 'weight');
    expectProblem(await post({ progressDriver: 'vibes' }), 400, '/problems/validation-failed', 'progressDriver');
    expectProblem(await post({ title: '   ' }), 400, '/problems/validation-failed', 'title');
    expect(await t.w.api.objectives({ cycleId: t.w.cycle.id })).toEqual([]);
    expect(await engine().db.select().from(objectives)).toEqual([]);

    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Keep' });
    expectProblem(
      await t.w.owner.client.patch(`${API}/objectives/${objective.id}`, { weight: -1 }),
      400,
      '/problems/validation-failed',
      'weight',
    );
    expectProblem(
      await t.w.owner.client.patch(`${API}/objectives/${objective.id}`, { teamId: MISSING_ID }),
      404,
      '/problems/not-found',
      'teamId',
    );
    expect(await t.w.api.objective(objective.id)).toMatchObject({ weight: 1, teamId: null, title: 'Keep' });
  });

  it('refuses a confidence of 11 or 2.5 (naming confidence) and saves no check-in', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Confident' });
    const kr = await t.w.api.createKeyResult(objective.id, percent('Revenue'));
    for (const confidence of [11, 2.5, -1]) {
      expectProblem(
        await t.w.owner.client.post(`${API}/key-results/${kr.id}/check-ins`, { value: 10, confidence }),
        400,
        '/problems/validation-failed',
        'confidence',
      );
    }
    expect(await t.w.api.checkIns(kr.id)).toEqual([]);
    expect(await engine().db.select().from(checkIns)).toEqual([]);
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ progress: 0, confidence: null, currentValue: null });

    await t.w.api.checkIn(kr.id, { value: 10, confidence: 10 });
    await t.w.api.checkIn(kr.id, { value: 20, confidence: 0 });
    expect(await t.w.api.keyResult(kr.id)).toMatchObject({ confidence: 0, currentValue: 20 });
    expect((await t.w.api.objective(objective.id)).confidence).toBe(0);
  });

  it('deleting a key result recomputes its objective; editing its weight re-weighs it', async () => {
    const objective = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'Grow' });
    const a = await t.w.api.createKeyResult(objective.id, percent('A'));
    const b = await t.w.api.createKeyResult(objective.id, percent('B'));
    await t.w.api.checkIn(a.id, { value: 100 });
    expectNear(await t.w.api.progressOf(objective.id), 0.5);
    await t.w.api.patchKeyResult(b.id, { weight: 3 });
    expectNear(await t.w.api.progressOf(objective.id), 0.25);
    // A new key result counts at 0 from the moment it exists.
    const c = await t.w.api.createKeyResult(objective.id, percent('C', 4));
    expectNear(await t.w.api.progressOf(objective.id), 1 / 8);
    expectStatus(await t.w.owner.client.delete(`${API}/key-results/${b.id}`), 204);
    expectStatus(await t.w.owner.client.delete(`${API}/key-results/${c.id}`), 204);
    expectNear(await t.w.api.progressOf(objective.id), 1);
    expect((await storedKeyResults(objective.id)).map((kr) => kr.id)).toEqual([a.id]);
  });

  it('team members plan their own objectives; company objectives are for admins (403)', async () => {
    const team = await createTeam(t.w.owner.client, { name: 'Platform' });
    const member = await addPerson(t.w.owner.client, { teamId: team.id });
    const outsider = await addPerson(t.w.owner.client);
    expectProblem(
      await member.client.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Company-wide' }),
      403,
      '/problems/forbidden',
    );
    expectProblem(
      await member.client.post(`${API}/objectives`, {
        cycleId: t.w.cycle.id,
        title: 'For the boss',
        teamId: team.id,
        ownerId: t.w.owner.user.id,
      }),
      403,
      '/problems/forbidden',
    );
    expectProblem(
      await outsider.client.post(`${API}/objectives`, { cycleId: t.w.cycle.id, title: 'Not my team', teamId: team.id }),
      403,
      '/problems/forbidden',
    );
    expect(await engine().db.select().from(objectives)).toEqual([]);

    const mine = await member.client.post<{ id: string; ownerId: string }>(`${API}/objectives`, {
      cycleId: t.w.cycle.id,
      title: 'My own',
      teamId: team.id,
    });
    expectStatus(mine, 201);
    expect(mine.body.ownerId).toBe(member.user.id);
    // An outsider may neither shape it nor add key results to it: a draft is not even visible outside its team (404).
    expectProblem(await outsider.client.patch(`${API}/objectives/${mine.body.id}`, { title: 'Mine now' }), 404, '/problems/not-found');
    expectProblem(
      await outsider.client.post(`${API}/objectives/${mine.body.id}/key-results`, percent('Sneaky')),
      404,
      '/problems/not-found',
    );
    expect(await storedKeyResults(mine.body.id)).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { keyResults, objectives } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, expectNear, type KeyResultInput, type KeyResultView, useOkrWorld } from './support.js';

const perMille = (title: string): KeyResultInput => ({ title, kind: 'metric', startValue: 0, targetValue: 1000 });

describeEachEngine('OKR cycle closing and scores', (engine) => {
  const t = useOkrWorld(engine, '2025-03-31');
  const clock = t.clock;

  const override = (keyResultId: string, body: unknown) =>
    t.w.owner.client.request<KeyResultView>('PUT', `${API}/key-results/${keyResultId}/score-override`, { body });

  /**
   * Aspirational A: 0.675 and 0.665, scores 0.68 and 0.67, objective score round((0.68 + 0.67) / 2) = 0.68
   * (from unrounded progress it would be 0.67). Committed B: 0.3. Parent P (aligned; A weight 1,
   * B weight 3) and company C (a roll-up key result fed by A and B): (0.68 + 0.3 × 3) / 4 = 0.395 → 0.40.
   */
  async function scenario() {
    const a = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'A', type: 'aspirational' });
    const a1 = await t.w.api.createKeyResult(a.id, perMille('A1'));
    const a2 = await t.w.api.createKeyResult(a.id, perMille('A2'));
    const b = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'B', type: 'committed', weight: 3 });
    const b1 = await t.w.api.createKeyResult(b.id, perMille('B1'));
    const p = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'P', progressDriver: 'aligned' });
    const c = await t.w.api.createObjective({ cycleId: t.w.cycle.id, title: 'C' });
    const rollup = await t.w.api.createKeyResult(c.id, { title: 'C roll-up', kind: 'rollup' });
    for (const child of [a.id, b.id]) {
      await t.w.api.align(child, { parentObjectiveId: p.id });
      await t.w.api.align(child, { parentKeyResultId: rollup.id });
    }
    await t.w.api.checkIn(a1.id, { value: 1000, asOf: '2025-03-01' });
    await t.w.api.checkIn(a1.id, { value: 675, asOf: '2025-03-31' }); // the last day counts
    await t.w.api.checkIn(a2.id, { value: 665, asOf: '2025-03-15' });
    await t.w.api.checkIn(b1.id, { value: 300, asOf: '2025-02-01' });
    return { a, a1, a2, b, b1, p, c, rollup };
  }

  const scoreOf = async (id: string) => (await t.w.api.objective(id)).score;

  it('closing scores each key result at endDate (2 decimals, half up) and each objective over the scores', async () => {
    const s = await scenario();
    expectNear(await t.w.api.progressOf(s.a.id), 0.67);
    expect(await scoreOf(s.a.id)).toBeNull();

    clock.setDay('2025-04-02');
    const closed = await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the test without a review' });
    expect(closed.status).toBe('closed');

    const a = await t.w.api.objective(s.a.id);
    expect(a.keyResults.map((kr) => [kr.title, kr.score, kr.scoreOverride])).toEqual([
      ['A1', 0.68, null],
      ['A2', 0.67, null],
    ]);
    expect(a).toMatchObject({ score: 0.68, type: 'aspirational', status: 'closed' });
    expectNear(a.progress, 0.67); // progress itself is left as it was
    const b = await t.w.api.objective(s.b.id);
    expect(b).toMatchObject({ score: 0.3, type: 'committed', status: 'closed' });
    expect(b.keyResults[0]?.score).toBe(0.3);
    expect(await scoreOf(s.p.id)).toBe(0.4);
    expect((await t.w.api.keyResult(s.rollup.id)).score).toBe(0.4);
    expect(await scoreOf(s.c.id)).toBe(0.4);
    const stored = await engine().db.select({ title: objectives.title, score: objectives.score, type: objectives.type }).from(objectives);
    expect(stored.sort((x, y) => x.title.localeCompare(y.title))).toEqual([
      { title: 'A', score: 0.68, type: 'aspirational' },
      { title: 'B', score: 0.3, type: 'committed' },
      { title: 'C', score: 0.4, type: 'committed' },
      { title: 'P', score: 0.4, type: 'committed' },
    ]);
    // The summary's final scores replace live status: aspirational A at 0.68 misses the 0.7 bar, as the committed ones miss 1.0.
    const { summary } = await t.w.api.cycle(t.w.cycle.id);
    expect(summary.scores).toEqual({ average: expect.closeTo((0.68 + 0.3 + 0.4 + 0.4) / 4, 9) as number, met: 0, missed: 4 });
  });

  it('a closed cycle takes no more check-ins (409 /problems/cycle-closed), corrections or deletions', async () => {
    const s = await scenario();
    const [latest] = await t.w.api.checkIns(s.a1.id);
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the test without a review' });
    const before = await t.w.api.keyResult(s.a1.id);

    expectProblem(
      await t.w.owner.client.post(`${API}/key-results/${s.a1.id}/check-ins`, { value: 1000 }),
      409,
      '/problems/cycle-closed',
      'asOf',
    );
    expectProblem(
      await t.w.owner.client.post(`${API}/key-results/${s.a1.id}/check-ins`, { value: 1000, asOf: '2025-03-30' }),
      409,
      '/problems/cycle-closed',
    );
    expectProblem(await t.w.owner.client.patch(`${API}/check-ins/${latest!.id}`, { value: 1000 }), 409, '/problems/cycle-closed');
    expectProblem(await t.w.owner.client.delete(`${API}/check-ins/${latest!.id}`), 409, '/problems/cycle-closed');
    expect(await t.w.api.keyResult(s.a1.id)).toEqual(before);
    expect(await t.w.api.checkIns(s.a1.id)).toHaveLength(2);
  });

  it('a score override with a reason changes the key result score and the objective scores above it', async () => {
    const s = await scenario();
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the test without a review' });

    const overridden = await override(s.a2.id, { score: 0.9, reason: 'The target moved mid-quarter' });
    expectStatus(overridden, 200);
    expect(overridden.body).toMatchObject({ score: 0.9, scoreOverride: 0.9, scoreOverrideReason: 'The target moved mid-quarter' });
    // A: (0.68 + 0.9) / 2 = 0.79; P and C: (0.79 + 0.3 × 3) / 4 = 0.4225 → 0.42.
    expect(await scoreOf(s.a.id)).toBe(0.79);
    expect(await scoreOf(s.p.id)).toBe(0.42);
    expect(await scoreOf(s.c.id)).toBe(0.42);
    expectNear(await t.w.api.progressOf(s.a.id), 0.67);

    // Without a reason, with a blank one or out of range: refused, nothing changes.
    expectProblem(await override(s.a1.id, { score: 0.1 }), 400, '/problems/validation-failed', 'reason');
    expectProblem(await override(s.a1.id, { score: 0.1, reason: '   ' }), 400, '/problems/validation-failed', 'reason');
    expectProblem(await override(s.a1.id, { score: 1.2, reason: 'Because' }), 400, '/problems/validation-failed', 'score');
    const member = await addPerson(t.w.owner.client);
    expectProblem(
      await member.client.request('PUT', `${API}/key-results/${s.a1.id}/score-override`, { body: { score: 0.1, reason: 'Mine' } }),
      403,
      '/problems/forbidden',
    );
    const [a1Row] = await engine().db.select().from(keyResults).where(eq(keyResults.id, s.a1.id));
    expect(a1Row).toMatchObject({ score: 0.68, scoreOverride: null, scoreOverrideReason: null });
    expect(await scoreOf(s.a.id)).toBe(0.79);

    // Removing the override restores the computed score everywhere.
    const removed = await override(s.a2.id, null);
    expectStatus(removed, 200);
    expect(removed.body).toMatchObject({ score: 0.67, scoreOverride: null, scoreOverrideReason: null });
    expect([await scoreOf(s.a.id), await scoreOf(s.p.id), await scoreOf(s.c.id)]).toEqual([0.68, 0.4, 0.4]);
  });

  it('an override given before closing is used when the cycle closes', async () => {
    const s = await scenario();
    const early = await override(s.b1.id, { score: 1, reason: 'Delivered another way' });
    expectStatus(early, 200);
    expect(early.body).toMatchObject({ score: null, scoreOverride: 1 });
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the test without a review' });
    expect(await scoreOf(s.b.id)).toBe(1);
    // P: (0.68 + 1 × 3) / 4 = 0.92.
    expect(await scoreOf(s.p.id)).toBe(0.92);
  });

  it('a closed cycle is frozen: objectives, key results and alignments no longer change (409), scores stay', async () => {
    const s = await scenario();
    await t.w.api.patchCycle(t.w.cycle.id, { status: 'closed', closeOverrideReason: 'Closed by the test without a review' });
    const client = t.w.owner.client;
    const closed = (response: Awaited<ReturnType<typeof client.request>>) => expectProblem(response, 409, '/problems/cycle-closed');
    closed(await client.request('PATCH', `${API}/key-results/${s.a1.id}`, { body: { weight: 5 } }));
    closed(await client.request('DELETE', `${API}/key-results/${s.b1.id}`));
    closed(await client.request('PATCH', `${API}/objectives/${s.b.id}`, { body: { weight: 1 } }));
    closed(await client.request('DELETE', `${API}/objectives/${s.a.id}`));
    closed(await client.request('POST', `${API}/objectives/${s.c.id}/alignments`, { body: { parentObjectiveId: s.p.id } }));
    const [row] = await engine().db.select().from(keyResults).where(eq(keyResults.id, s.a1.id));
    expect(row!.weight).toBe(1);
    expect([await scoreOf(s.a.id), await scoreOf(s.b.id), await scoreOf(s.p.id)]).toEqual([0.68, 0.3, 0.4]);
    const [b] = await engine().db.select().from(objectives).where(eq(objectives.id, s.b.id));
    expect(b!.weight).toBe(3);
  });
});

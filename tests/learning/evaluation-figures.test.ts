import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { describeEachEngine } from '../support/engines.js';
import { expectEvaluationFiguresKept } from '../support/evaluation-figures.js';
import { addPerson, createTeam, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';

/**
 * objective_evaluation_figures (migration 0050) is kept by triggers on key results, check-ins (through their
 * digests), objectives, teams and cycles: after every kind of write it must equal a rebuild.
 */
describeEachEngine('Objective evaluation figures: kept on every write equal to a rebuild', (engine) => {
  const t = useOkrWorld(engine, '2025-03-20');

  it('follows key results, check-ins, objectives, cadences, cycle dates and scores', async () => {
    const w = t.w;
    const db = (engine() as { handle: DatabaseHandle }).handle.db;
    const row = async (objectiveId: string) => (await expectEvaluationFiguresKept(db)).find((r) => r.objective_id === objectiveId);
    const weekly = await createTeam(w.owner.client, { name: 'Weekly', kind: 'department' });
    const other = await createTeam(w.owner.client, { name: 'Other', kind: 'department' });
    const pat = await addPerson(w.owner.client, { teamId: weekly.id, name: 'Pat Person' });
    const a = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Ship the thing', teamId: weekly.id }, 10, '2025-01-03');
    const b = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Grow the other thing', teamId: weekly.id }, 5, '2025-01-06');
    expect(await row(a.objective.id)).toMatchObject({ key_results: 1, period_days: 7, forecasts: 0 });

    // Key results and check-ins: created, corrected (date, owner, effective start), deleted.
    const second = await w.api.createKeyResult(a.objective.id, percent('Second measure'));
    await expectEvaluationFiguresKept(db);
    const early = await w.api.checkIn(second.id, { value: 30, confidence: 4, asOf: '2025-01-20' });
    await w.api.checkIn(a.kr.id, { value: 100, confidence: 9, asOf: '2025-02-10' });
    expect(await row(a.objective.id)).toMatchObject({ key_results: 2, high: 1, perfect: 1, forecasts: 2, squared: 1 + 16 });
    await w.api.patchKeyResult(second.id, { effectiveStartDate: '2025-01-10', ownerId: pat.user.id });
    expectStatus(await w.owner.client.patch(`${API}/check-ins/${early.id}`, { asOf: '2025-02-20' }), 200);
    expect(await row(a.objective.id)).toMatchObject({ forecasts: 1, owner_ids: [expect.any(String), expect.any(String)] });
    expectStatus(await w.owner.client.delete(`${API}/check-ins/${early.id}`), 204);
    await expectEvaluationFiguresKept(db);

    // A team's cadence, an objective's team and effective start, a cycle's dates.
    expectStatus(await w.owner.client.patch(`${API}/teams/${weekly.id}`, { checkInCadence: 'biweekly' }), 200);
    expect(await row(b.objective.id)).toMatchObject({ period_days: 14 });
    await w.api.patchObjective(b.objective.id, { teamId: other.id });
    expect(await row(b.objective.id)).toMatchObject({ period_days: 7 });
    await db.execute(sql`update objectives set effective_start_date = '2025-01-15' where id = ${a.objective.id}`);
    await expectEvaluationFiguresKept(db);
    await w.api.patchCycle(w.cycle.id, { endDate: '2025-04-30' });
    await expectEvaluationFiguresKept(db);

    // A key result moved to another objective, an objective moved to another cycle (plain updates), a deletion.
    await db.execute(sql`update key_results set objective_id = ${b.objective.id} where id = ${second.id}`);
    expect(await row(b.objective.id)).toMatchObject({ key_results: 2 });
    const q2 = await w.api.createCycle({ name: 'Q2 2025', startDate: '2025-05-01', endDate: '2025-07-31' });
    await db.execute(sql`update objectives set cycle_id = ${q2.id} where id = ${b.objective.id}`);
    expect(await row(b.objective.id)).toMatchObject({ cycle_id: q2.id });
    expectStatus(await w.owner.client.delete(`${API}/key-results/${a.kr.id}`), 204);
    expect(await row(a.objective.id)).toBeUndefined(); // no key results left: no figures
    await w.api.deleteObjective(b.objective.id);
    expect(await row(b.objective.id)).toBeUndefined();

    // The close scores every key result, and an override rescores it.
    const c = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Scored', teamId: weekly.id }, 60, '2025-02-01');
    await w.api.checkIn(c.kr.id, { value: 60, confidence: 7, asOf: '2025-02-02' });
    t.clock.setDay('2025-05-02');
    await w.api.patchCycle(w.cycle.id, { status: 'closed', closeOverrideReason: 'Evaluated here without holding a review' });
    expect(await row(c.objective.id)).toMatchObject({ forecasts: 1, squared: 49, reached: [false] });
    const override = await w.owner.client.request('PUT', `${API}/key-results/${c.kr.id}/score-override`, {
      body: { score: 1, reason: 'Shipped after all' },
    });
    expectStatus(override, 200);
    expect(await row(c.objective.id)).toMatchObject({ perfect: 1, squared: 9, reached: [true] });
  }, 120_000);
});

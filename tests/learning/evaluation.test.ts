import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { queryRows } from '../../src/db/database.js';
import type { evaluationSchema } from '../../src/server/http/evaluation/routes.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus, setUpOrganization } from '../support/fixtures.js';
import { exportDocument } from '../data-export/support.js';
import { expectEvaluationFiguresKept } from '../support/evaluation-figures.js';
import { postImport } from '../imports/support.js';
import { API, MISSING_ID, percent, useOkrWorld } from '../okrs/support.js';

type Evaluation = z.output<typeof evaluationSchema>;

describeEachEngine('Cycle evaluation and confidence calibration', (engine) => {
  const t = useOkrWorld(engine, '2025-03-31');

  /**
   * Q1 2025 (midpoint 2025-02-14), team Growth, weekly. Committed O1: a (owner, 8/10 on 10 Feb, ends at 100 → 1.0),
   * b (owner, 8/10 on 14 Feb, ends at 90 but overridden to 1.0). Aspirational O2: c (Pat, 3/10 on 20 Jan, 9/10 on
   * 20 Feb after the midpoint, ends at 20 → 0.2), d (Pat, 10/10 on 1 Feb at 100 → 1.0).
   * Brier: a (0.8 − 1)² = 0.04, b 0.04, c (0.3 − 0)² = 0.09, d 0 → 0.17 / 4 = 0.0425; owner 0.04, Pat 0.045.
   * O1 = 1.0 (committed achieved), O2 = (0.2 + 1) / 2 = 0.6 (aspirational, partially).
   * Due check-ins: 12 weekly due dates (8 Jan … 26 Mar) × 4 key results = 48; on time: a 1, b 1, c 2, d 1 = 5 → 0.1042.
   * Q4 2024 before it: one committed objective at 0.5.
   */
  async function scenario() {
    const { w } = t;
    const growth = await createTeam(w.owner.client, { name: 'Growth' });
    const platform = await createTeam(w.owner.client, { name: 'Platform' });
    const pat = await addPerson(w.owner.client, { teamId: growth.id, name: 'Pat Person' });

    const q4 = await w.api.createCycle({ name: 'Q4 2024', startDate: '2024-10-01', endDate: '2024-12-31', status: 'active' });
    const old = await w.api.objectiveAt({ cycleId: q4.id, title: 'Last quarter', teamId: growth.id }, 50, '2024-12-20');
    expect(old.objective.type).toBe('committed');
    await w.api.patchCycle(q4.id, { status: 'closed', closeOverrideReason: 'Evaluated here without holding a review' });

    const published = { cycleId: w.cycle.id, teamId: growth.id, effectiveStartDate: null } as const;
    const o1 = await w.api.createPublished({ ...published, title: 'Keep the lights on', type: 'committed' });
    const o2 = await w.api.createPublished({ ...published, title: 'Delight new customers', type: 'aspirational' });
    const kr = (objectiveId: string, title: string, ownerId: string) =>
      w.api.createKeyResult(objectiveId, { ...percent(title), ownerId, effectiveStartDate: null });
    const a = await kr(o1.id, 'a', w.owner.user.id);
    const b = await kr(o1.id, 'b', w.owner.user.id);
    const c = await kr(o2.id, 'c', pat.user.id);
    const d = await kr(o2.id, 'd', pat.user.id);
    await w.api.checkIn(a.id, { value: 50, confidence: 8, asOf: '2025-02-10' });
    await w.api.checkIn(a.id, { value: 100, asOf: '2025-03-31' });
    await w.api.checkIn(b.id, { value: 40, confidence: 8, asOf: '2025-02-14' });
    await w.api.checkIn(b.id, { value: 90, asOf: '2025-03-28' });
    await w.api.checkIn(c.id, { value: 10, confidence: 3, asOf: '2025-01-20' });
    await w.api.checkIn(c.id, { value: 20, confidence: 9, asOf: '2025-02-20' });
    await w.api.checkIn(d.id, { value: 100, confidence: 10, asOf: '2025-02-01' });
    const override = await w.owner.client.request('PUT', `${API}/key-results/${b.id}/score-override`, {
      body: { score: 1, reason: 'The last 10 % shipped on 1 April, outside the data' },
    });
    expectStatus(override, 200);
    t.clock.setDay('2025-04-02');
    await w.api.patchCycle(w.cycle.id, { status: 'closed', closeOverrideReason: 'Evaluated here without holding a review' });
    return { growth, platform, pat, c };
  }

  const evaluation = async (cycleId: string, teamId?: string) => {
    const response = await t.w.owner.client.get<Evaluation>(`${API}/cycles/${cycleId}/evaluation${teamId ? `?teamId=${teamId}` : ''}`);
    expectStatus(response, 200);
    return response.body;
  };

  it('evaluates a closed cycle on the hand-computed example', async () => {
    const { growth, pat } = await scenario();
    const e = await evaluation(t.w.cycle.id, growth.id);
    expect(e).toMatchObject({ cycleName: 'Q1 2025', teamId: growth.id, final: true });
    expect(e.committed).toEqual({ count: 1, achieved: 1, partially: 0, missed: 0, achievedShare: 1, meanScore: 1, shareAtLeast07: 1 });
    expect(e.aspirational).toMatchObject({ count: 1, achieved: 0, partially: 1, meanScore: 0.6, shareAtLeast07: 0 });
    expect(e.keyResultBands).toEqual({ low: 1, middle: 0, high: 3 });
    expect(e.tooSafe).toEqual({ aspirational: 2, perfect: 1, tooSafe: false });
    expect(e.checkIns).toEqual({ due: 48, onTime: 5, onTimeShare: 0.1042 });
    expect(e.calibration.midpoint).toBe('2025-02-14');
    expect(e.calibration.cycle).toEqual({ count: 4, brier: 0.0425 });
    expect(e.calibration.byPerson).toEqual(
      expect.arrayContaining([
        { id: t.w.owner.user.id, name: t.w.owner.user.name, count: 2, brier: 0.04 },
        { id: pat.user.id, name: 'Pat Person', count: 2, brier: 0.045 },
      ]),
    );
    expect(e.calibration.byTeam).toEqual([{ id: growth.id, name: 'Growth', count: 4, brier: 0.0425 }]);
    expect(e.calibration.reliability.map((b) => [b.label, b.count, b.meanForecast, b.reachedShare])).toEqual([
      ['0–2', 0, null, null],
      ['3–4', 1, 0.3, 0],
      ['5–6', 0, null, null],
      ['7–8', 2, 0.8, 1],
      ['9–10', 1, 1, 1],
    ]);
    expect(e.previous).toEqual([
      {
        cycleId: expect.any(String),
        cycleName: 'Q4 2024',
        committedAchievedShare: 0,
        aspirationalMeanScore: null,
        checkInsOnTimeShare: expect.any(Number),
        brier: null,
      },
    ]);
  }, 120_000);

  it('scopes to a team, and refuses an unknown cycle', async () => {
    const { platform } = await scenario();
    const empty = await evaluation(t.w.cycle.id, platform.id);
    expect(empty.committed.count + empty.aspirational.count).toBe(0);
    expect(empty.calibration.cycle).toEqual({ count: 0, brier: null });
    expect(empty.previous).toEqual([]);
    // The whole organisation: the same four key results (only Growth has objectives).
    expect((await evaluation(t.w.cycle.id)).calibration.cycle).toEqual({ count: 4, brier: 0.0425 });
    expectProblem(await t.w.owner.client.get(`${API}/cycles/${MISSING_ID}/evaluation`), 404, '/problems/not-found');
    expectProblem(
      await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/evaluation?teamId=nope`),
      400,
      '/problems/validation-failed',
      'teamId',
    );
  }, 120_000);

  it('stays exact when the team changes its cadence or the cycle its dates after the check-ins', async () => {
    const { w } = t;
    const { growth } = await scenario();
    // Fortnightly from 1 January: 6 due dates (15 Jan … 26 Mar) × 4 = 24; on time: a 1, b 1, c 2, d 1 = 5.
    expectStatus(await w.owner.client.patch(`${API}/teams/${growth.id}`, { checkInCadence: 'biweekly' }), 200);
    expect((await evaluation(w.cycle.id, growth.id)).checkIns).toEqual({ due: 24, onTime: 5, onTimeShare: 0.2083 });

    // A cycle that runs on: its midpoint moves from 14 February to 28 February, past the 9/10 of 20 February.
    t.clock.setDay('2025-05-25');
    const q2 = await w.api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30', status: 'active' });
    const o = await w.api.objectiveAt({ cycleId: q2.id, title: 'Runs on', type: 'aspirational' });
    await w.api.checkIn(o.kr.id, { value: 20, confidence: 4, asOf: '2025-05-10' });
    await w.api.checkIn(o.kr.id, { value: 30, confidence: 9, asOf: '2025-05-20' });
    expect((await evaluation(q2.id)).calibration).toMatchObject({ midpoint: '2025-05-16', cycle: { count: 1, brier: 0.16 } });
    await w.api.patchCycle(q2.id, { endDate: '2025-07-31' });
    expect((await evaluation(q2.id)).calibration).toMatchObject({ midpoint: '2025-05-31', cycle: { count: 1, brier: 0.81 } });
    await expectEvaluationFiguresKept(engine().db);
  }, 120_000);

  /** What the close stored for a cycle, summed over its objectives (closed_cycle_figures). */
  const stored = async (cycleId: string) => {
    const [row] = await queryRows<Record<string, string | null>>(
      engine().db,
      sql`select count(*) as objectives, sum(key_results) as key_results, sum(due) as due, sum(on_time) as on_time,
        sum(forecasts) as forecasts, sum(squared) as squared from closed_cycle_figures where cycle_id = ${cycleId}`,
    );
    return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, value === null ? null : Number(value)]));
  };
  /** The headline numbers of a cycle's own (full, live) evaluation, as an evaluation of a later cycle shows them. */
  const headlineOf = (e: Evaluation) => ({
    cycleId: e.cycleId,
    cycleName: e.cycleName,
    committedAchievedShare: e.committed.achievedShare,
    aspirationalMeanScore: e.aspirational.meanScore,
    checkInsOnTimeShare: e.checkIns.onTimeShare,
    brier: e.calibration.cycle.brier,
  });

  it('compares with earlier cycles from the figures stored at their close, counted live where they no longer hold', async () => {
    const { w } = t;
    const { growth, c } = await scenario();
    // The close stored Q1's figures in its transaction: 2 objectives, 4 key results, 48 due periods, 5 on time,
    // 4 forecasts with Σ (confidence − 10·o)² = (8 − 10)² + (8 − 10)² + (3 − 0)² + (10 − 10)² = 17.
    expect(await stored(w.cycle.id)).toEqual({ objectives: 2, key_results: 4, due: 48, on_time: 5, forecasts: 4, squared: 17 });
    const q1 = await evaluation(w.cycle.id);
    const q2 = await w.api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30', status: 'active' });
    const expected = {
      cycleName: 'Q1 2025',
      committedAchievedShare: 1,
      aspirationalMeanScore: 0.6,
      checkInsOnTimeShare: 0.1042,
      brier: 0.0425,
    };
    expect(headlineOf(q1)).toMatchObject(expected);
    const previous = (await evaluation(q2.id)).previous;
    expect(previous.map((p) => p.cycleName)).toEqual(['Q1 2025', 'Q4 2024']);
    expect(previous[0]).toEqual(headlineOf(q1));
    expect((await evaluation(q2.id, growth.id)).previous[0]).toEqual(headlineOf(await evaluation(w.cycle.id, growth.id)));

    // Without the stored rows (an objective of a cycle closed before they existed) the numbers are counted live.
    await engine().db.execute(sql`delete from closed_cycle_figures where cycle_id = ${w.cycle.id}`);
    expect((await evaluation(q2.id)).previous[0]).toEqual(headlineOf(q1));
    await engine().db.execute(sql`select refresh_closed_cycle_figures(org_id, id) from cycles where id = ${w.cycle.id}`);

    // A team that now checks in fortnightly: its objectives are counted live with the new cadence (24 due, 5 on time).
    expectStatus(await w.owner.client.patch(`${API}/teams/${growth.id}`, { checkInCadence: 'biweekly' }), 200);
    const fortnightly = (await evaluation(q2.id)).previous[0]!;
    expect(fortnightly).toMatchObject({ ...expected, checkInsOnTimeShare: 0.2083 });
    expect(fortnightly).toEqual(headlineOf(await evaluation(w.cycle.id)));
    expectStatus(await w.owner.client.patch(`${API}/teams/${growth.id}`, { checkInCadence: 'weekly' }), 200);

    // A score overridden after the close rescores the cycle, and its stored figures with it: c reaches 1.0, so
    // O2 = (1.0 + 1.0) / 2 and c's forecast of 3/10 now counts (3 − 10)² = 49: Σ = 57, Brier 0.1425.
    const override = await w.owner.client.request('PUT', `${API}/key-results/${c.id}/score-override`, {
      body: { score: 1, reason: 'Shipped after all' },
    });
    expectStatus(override, 200);
    expect(await stored(w.cycle.id)).toMatchObject({ key_results: 4, squared: 57 });
    const rescored = (await evaluation(q2.id)).previous[0]!;
    expect(rescored).toMatchObject({ aspirationalMeanScore: 1, brier: 0.1425 });
    expect(rescored).toEqual(headlineOf(await evaluation(w.cycle.id)));
  }, 120_000);

  it('rebuilds the stored figures of closed cycles on an organisation import', async () => {
    const { w } = t;
    await scenario();
    const q2 = await w.api.createCycle({ name: 'Q2 2025', startDate: '2025-04-01', endDate: '2025-06-30', status: 'active' });
    const before = (await evaluation(q2.id)).previous;
    const document = await exportDocument(w.owner.client);
    expect(Object.keys(document.tables)).not.toContain('closed_cycle_figures');
    expect(Object.keys(document.tables)).not.toContain('objective_evaluation_figures');
    await engine().reset();
    const { owner } = await setUpOrganization(t.server.url, { organization: 'Empty', email: w.owner.user.email });
    expectStatus(await postImport(owner.client, JSON.stringify(document), { dryRun: 'false' }, 'org.json'), 201);
    const cycles = (await owner.client.get<{ id: string; name: string }[]>(`${API}/cycles`)).body;
    const imported = (id: string) => cycles.find((cycle) => cycle.name === before.find((p) => p.cycleId === id)!.cycleName)!.id;
    expect(await stored(imported(before[0]!.cycleId))).toEqual({
      objectives: 2,
      key_results: 4,
      due: 48,
      on_time: 5,
      forecasts: 4,
      squared: 17,
    });
    const after = (await owner.client.get<Evaluation>(`${API}/cycles/${cycles.find((cycle) => cycle.name === 'Q2 2025')!.id}/evaluation`))
      .body;
    expect(after.previous).toEqual(before.map((p) => ({ ...p, cycleId: imported(p.cycleId) })));
    // The kept per-objective figures are rebuilt too: Q1's two objectives and Q4 2024's one.
    expect(await expectEvaluationFiguresKept(engine().db)).toHaveLength(3);
  }, 120_000);

  it('before the close, scores are the progress so far and the evaluation says so', async () => {
    const { w } = t;
    const o = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Halfway', type: 'aspirational' }, 75, '2025-03-01');
    expect(o.kr.id).toBeTruthy();
    const e = await evaluation(w.cycle.id);
    expect(e).toMatchObject({ final: false, aspirational: { count: 1, achieved: 1, meanScore: 0.75 }, keyResultBands: { high: 1 } });
  }, 120_000);
});

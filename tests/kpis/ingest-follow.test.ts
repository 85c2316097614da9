import { and, eq, like } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { checkIns, keyResultKpis, kpiValues } from '../../src/db/schema/index.js';
import { followsSettled } from '../../src/server/services/kpis/follow-soon.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectStatus } from '../support/fixtures.js';
import { API, expectRollupsConsistent, percent, useOkrWorld } from '../okrs/support.js';
import { createKpi, uptime } from './support.js';

describeEachEngine('Pushed KPI values reach the key results that follow them', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const followed = (keyResultId: string) =>
    engine()
      .db.select({ value: checkIns.value, asOf: checkIns.asOf })
      .from(checkIns)
      .where(and(eq(checkIns.keyResultId, keyResultId), like(checkIns.note, 'Followed the KPI%')));

  /** A company objective aligned from a team objective whose first key result follows a new KPI with a push token
   * (healthy from 5: no value pushed here proposes a recovery objective). */
  async function followingKpi(name: string) {
    const { owner, api, cycle } = t.w;
    const kpi = await createKpi(owner.client, uptime({ name, healthy: 5, watch: 1 }));
    const company = await api.createObjective({ cycleId: cycle.id, title: `Company ${name}`, progressDriver: 'aligned' });
    const team = await api.createPublished({ cycleId: cycle.id, title: `Team ${name}` });
    await api.align(team.id, { parentObjectiveId: company.id });
    const kr = await api.createKeyResult(team.id, percent(`Follows ${name}`));
    await api.createKeyResult(team.id, percent(`Beside ${name}`));
    expectStatus(await owner.client.put(`${API}/key-results/${kr.id}/kpi`, { kpiId: kpi.id, followsKpi: true }), 200);
    const issued = await owner.client.post(`${API}/kpis/${kpi.id}/ingest-tokens`, { label: 'pusher' });
    expectStatus(issued, 201);
    return { kpi, company, team, kr, push: new Client(t.server.url, issued.body.token as string) };
  }

  it('a burst of pushes to two KPIs: each key result follows its KPI’s latest value and the roll-ups are exact', async () => {
    const a = await followingKpi('Alpha');
    const b = await followingKpi('Beta');
    const days = ['2025-02-03', '2025-02-11', '2025-02-07', '2025-02-14', '2025-02-05', '2025-02-12'];
    const answers = await Promise.all(
      days.flatMap((asOf, i) => [
        a.push.post(`${API}/ingest/${a.kpi.id}`, { value: 10 + i * 10, asOf, source: 'burst' }),
        b.push.post(`${API}/ingest/${b.kpi.id}`, { value: 15 + i * 10, asOf, source: 'burst' }),
      ]),
    );
    for (const answer of answers) expectStatus(answer, 201);
    await followsSettled(engine().db);

    // The latest value by date is the one dated 2025-02-14 (the fourth pushed): 40 for Alpha, 45 for Beta.
    expect(await t.w.api.keyResult(a.kr.id)).toMatchObject({ currentValue: 40, lastCheckInDate: '2025-02-14' });
    expect(await t.w.api.keyResult(b.kr.id)).toMatchObject({ currentValue: 45, lastCheckInDate: '2025-02-14' });
    const alpha = await followed(a.kr.id);
    expect(alpha.length).toBeGreaterThanOrEqual(1);
    expect(alpha.length).toBeLessThanOrEqual(days.length);
    expect(alpha).toContainEqual({ value: 40, asOf: '2025-02-14' });
    expect(await t.w.api.progressOf(a.team.id)).toBeCloseTo(0.2, 9);
    expect(await t.w.api.progressOf(b.company.id)).toBeCloseTo(0.225, 9);
    await expectRollupsConsistent(engine().db, t.w.orgId, t.w.cycle.id, '2025-02-15', 'after the burst');

    // Every link has followed its KPI's latest value: another pass finds nothing and makes no check-in.
    const links = await engine().db.select().from(keyResultKpis);
    const latest = await engine().db.select({ id: kpiValues.id }).from(kpiValues).where(eq(kpiValues.asOf, '2025-02-14'));
    expect(links.map((l) => l.followedValueId).sort()).toEqual(latest.map((v) => v.id).sort());
    const before = (await followed(a.kr.id)).length + (await followed(b.kr.id)).length;
    const ran = await t.w.owner.client.post(`${API}/admin/jobs/kpi-follows/run`);
    expectStatus(ran, 200);
    expect((await followed(a.kr.id)).length + (await followed(b.kr.id)).length).toBe(before);
  });

  it('a value whose follow never ran (the process stopped after the push) is taken by the kpi-follows job', async () => {
    const a = await followingKpi('Gamma');
    const pushed = await a.push.post(`${API}/ingest/${a.kpi.id}`, { value: 30, asOf: '2025-02-10', source: 'early' });
    expectStatus(pushed, 201);
    await followsSettled(engine().db);
    expect(await t.w.api.keyResult(a.kr.id)).toMatchObject({ currentValue: 30 });

    // As a push stores it, committed a day ago, with no pass after it.
    await engine()
      .db.insert(kpiValues)
      .values({
        orgId: t.w.orgId,
        kpiId: a.kpi.id,
        asOf: '2025-02-13',
        value: 70,
        source: 'stuck',
        createdAt: new Date('2025-02-14T12:00:00Z'),
      });
    expect(await t.w.api.keyResult(a.kr.id)).toMatchObject({ currentValue: 30 });
    const ran = await t.w.owner.client.post(`${API}/admin/jobs/kpi-follows/run`);
    expectStatus(ran, 200);
    expect(ran.body.totals).toMatchObject({ ran: 1, checkIns: 1 });
    expect(await t.w.api.keyResult(a.kr.id)).toMatchObject({ currentValue: 70, lastCheckInDate: '2025-02-13' });
    expect(await t.w.api.progressOf(a.company.id)).toBeCloseTo(0.35, 9);
    await expectRollupsConsistent(engine().db, t.w.orgId, t.w.cycle.id, '2025-02-15', 'after the job');
    expect((await t.w.owner.client.post(`${API}/admin/jobs/kpi-follows/run`)).body.totals).not.toMatchObject({ checkIns: 1 });
  });

  it('a value people add is followed in the same write, as before', async () => {
    const a = await followingKpi('Delta');
    expectStatus(await t.w.owner.client.post(`${API}/kpis/${a.kpi.id}/values`, { value: 55, asOf: '2025-02-12' }), 201);
    expect(await t.w.api.keyResult(a.kr.id)).toMatchObject({ currentValue: 55, lastCheckInDate: '2025-02-12' });
    expect(await followed(a.kr.id)).toEqual([{ value: 55, asOf: '2025-02-12' }]);
  });
});

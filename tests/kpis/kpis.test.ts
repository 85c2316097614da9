import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { activities, kpis, kpiValues } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';
import { addValue, createKpi, kpi, uptime, type KpiValueView, type KpiView } from './support.js';

describeEachEngine('KPIs', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('creates a KPI per direction, presents health and unhealthy periods, and lists boards per team and company', async () => {
    const { owner } = t.w;
    const team = await createTeam(owner.client, { name: 'Platform' });
    const up = await createKpi(owner.client, uptime({ teamId: team.id }));
    expect(up).toMatchObject({ name: 'Uptime', direction: 'higher_is_better', healthy: 99.5, watch: 99, cadence: 'weekly' });
    expect(up).toMatchObject({ health: null, unhealthyPeriods: 0, latest: null, ownerId: owner.user.id, teamName: 'Platform' });
    expect(up.can).toEqual({ edit: true, delete: true, report: true });

    const latency = await createKpi(owner.client, {
      name: 'p95 latency',
      unit: 'ms',
      direction: 'lower_is_better',
      healthy: 200,
      watch: 300,
    });
    const nps = await createKpi(owner.client, {
      name: 'Stock days',
      direction: 'keep_in_band',
      bandMin: 10,
      bandMax: 20,
      watchMargin: 2,
      cadence: 'monthly',
      // Fields of another direction are cleared, not stored.
      healthy: 5,
    });
    expect(nps).toMatchObject({ bandMin: 10, bandMax: 20, watchMargin: 2, healthy: null, watch: null, cadence: 'monthly' });

    await addValue(owner.client, up.id, { value: 99.9, asOf: '2025-01-27' });
    await addValue(owner.client, up.id, { value: 98, asOf: '2025-02-03' });
    await addValue(owner.client, up.id, { value: 98.5, asOf: '2025-02-10' });
    await addValue(owner.client, latency.id, { value: 300, asOf: '2025-02-10' });
    await addValue(owner.client, nps.id, { value: 22, asOf: '2025-02-10' });

    expect(await kpi(owner.client, up.id)).toMatchObject({
      latest: { asOf: '2025-02-10', value: 98.5 },
      health: 'unhealthy',
      trend: 'improving',
      unhealthyPeriods: 2,
      series: [
        { asOf: '2025-01-27', value: 99.9 },
        { asOf: '2025-02-03', value: 98 },
        { asOf: '2025-02-10', value: 98.5 },
      ],
    });
    expect(await kpi(owner.client, latency.id)).toMatchObject({ health: 'watch', unhealthyPeriods: 0 });
    expect(await kpi(owner.client, nps.id)).toMatchObject({ health: 'watch' });

    const teamBoard = await owner.client.get<KpiView[]>(`${API}/kpis?teamId=${team.id}`);
    expect(teamBoard.body.map((k) => k.name)).toEqual(['Uptime']);
    const company = await owner.client.get<KpiView[]>(`${API}/kpis?company=true`);
    expect(company.body.map((k) => k.name)).toEqual(['Stock days', 'p95 latency']);
    const all = await owner.client.get<KpiView[]>(`${API}/kpis`);
    expect(all.body).toHaveLength(3);
  });

  it('refuses bands that contradict the direction, non-numbers and future dates, naming the field, and changes nothing', async () => {
    const { owner } = t.w;
    const cases: [Record<string, unknown>, number, string][] = [
      [uptime({ healthy: 98, watch: 99 }), 422, 'watch'],
      [{ ...uptime(), direction: 'lower_is_better', healthy: 300, watch: 200 }, 422, 'watch'],
      [{ name: 'Band', direction: 'keep_in_band', bandMin: 20, bandMax: 10, watchMargin: 1 }, 422, 'bandMax'],
      [{ name: 'Band', direction: 'keep_in_band', bandMin: 10, bandMax: 20, watchMargin: -1 }, 422, 'watchMargin'],
      [{ name: 'Band', direction: 'keep_in_band', bandMin: 10, watchMargin: 1 }, 422, 'bandMax'],
      [{ ...uptime(), watch: undefined }, 422, 'watch'],
      [{ ...uptime(), healthy: 'lots' }, 400, 'healthy'],
      [{ ...uptime(), direction: 'sideways' }, 400, 'direction'],
      [{ ...uptime(), name: '  ' }, 400, 'name'],
      [{ ...uptime(), ownerId: 'nobody-here' }, 404, 'ownerId'],
    ];
    for (const [body, status, field] of cases)
      expectProblem(
        await owner.client.post(`${API}/kpis`, body),
        status,
        status === 404 ? '/problems/not-found' : '/problems/validation-failed',
        field,
      );
    expect(await engine().db.select().from(kpis)).toEqual([]);

    const up = await createKpi(owner.client, uptime());
    expectProblem(await owner.client.patch(`${API}/kpis/${up.id}`, { watch: 100 }), 422, '/problems/validation-failed', 'watch');
    expectProblem(await owner.client.post(`${API}/kpis/${up.id}/values`, { value: 'NaN' }), 400, '/problems/validation-failed', 'value');
    expectProblem(await owner.client.post(`${API}/kpis/${up.id}/values`, { value: 1e400 }), 400, '/problems/validation-failed', 'value');
    expectProblem(
      await owner.client.post(`${API}/kpis/${up.id}/values`, { value: 99, asOf: '2025-02-16' }),
      422,
      '/problems/validation-failed',
      'asOf',
    );
    expect(await engine().db.select().from(kpiValues)).toEqual([]);
    expect((await kpi(owner.client, up.id)).watch).toBe(99);
  });

  it('corrects and deletes values with their history kept, and health follows', async () => {
    const { owner } = t.w;
    const up = await createKpi(owner.client, uptime());
    const first = await addValue(owner.client, up.id, { value: 97, asOf: '2025-02-03', note: 'outage' });
    const second = await addValue(owner.client, up.id, { value: 96, asOf: '2025-02-10' });
    expect(first).toMatchObject({ reportedBy: owner.user.id, source: 'manual', note: 'outage' });
    expect((await kpi(owner.client, up.id)).unhealthyPeriods).toBe(2);

    const corrected = await owner.client.patch<KpiValueView>(`${API}/kpis/${up.id}/values/${second.id}`, { value: 99.7 });
    expectStatus(corrected, 200);
    expect(await kpi(owner.client, up.id)).toMatchObject({ health: 'healthy', unhealthyPeriods: 0, latest: { value: 99.7 } });

    expectStatus(await owner.client.delete(`${API}/kpis/${up.id}/values/${second.id}`), 204);
    expect(await kpi(owner.client, up.id)).toMatchObject({ health: 'unhealthy', unhealthyPeriods: 1, latest: { value: 97 } });
    const live = await owner.client.get<KpiValueView[]>(`${API}/kpis/${up.id}/values`);
    expect(live.body.map((v) => v.id)).toEqual([first.id]);
    const history = await owner.client.get<KpiValueView[]>(`${API}/kpis/${up.id}/values?includeDeleted=true`);
    expect(history.body.map((v) => [v.value, v.deleted])).toEqual([
      [99.7, true],
      [97, false],
    ]);
    const actions = (await engine().db.select().from(activities).where(eq(activities.entityId, up.id))).map((a) => a.action);
    // Two unhealthy weeks in a row also proposed a recovery (tests/kpis/recovery.test.ts).
    expect(actions).toEqual([
      'kpi.created',
      'kpi_value.added',
      'kpi_value.added',
      'kpi.recovery_proposed',
      'kpi_value.corrected',
      'kpi_value.deleted',
    ]);
    expectProblem(await owner.client.delete(`${API}/kpis/${up.id}/values/${second.id}`), 404, '/problems/not-found');
  });

  it('lets team members report, only editors change bands, and company KPIs are for admins', async () => {
    const { owner } = t.w;
    const team = await createTeam(owner.client, { name: 'Platform' });
    const member = await addPerson(owner.client, { teamId: team.id });
    const outsider = await addPerson(owner.client);
    const up = await createKpi(owner.client, uptime({ teamId: team.id }));

    expect((await kpi(member.client, up.id)).can).toEqual({ edit: false, delete: false, report: true });
    expect((await kpi(outsider.client, up.id)).can).toEqual({ edit: false, delete: false, report: false });
    await addValue(member.client, up.id, { value: 99.8 });
    expectProblem(await outsider.client.post(`${API}/kpis/${up.id}/values`, { value: 1 }), 403, '/problems/forbidden');
    expectProblem(await member.client.patch(`${API}/kpis/${up.id}`, { healthy: 99.9 }), 403, '/problems/forbidden');
    expectProblem(await member.client.post(`${API}/kpis`, uptime()), 403, '/problems/forbidden');
    // A member places a KPI in their own team for themselves.
    const own = await createKpi(member.client, uptime({ name: 'Deploys', teamId: team.id }));
    expect(own.can.edit).toBe(true);
    expectStatus(await member.client.delete(`${API}/kpis/${own.id}`), 204);
    expectProblem(await member.client.get(`${API}/kpis/${own.id}`), 404, '/problems/not-found');
  });
});

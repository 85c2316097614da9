import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { kpis, kpiValues } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus } from '../support/fixtures.js';
import { API, useOkrWorld } from '../okrs/support.js';
import { addValue, createKpi, kpi, uptime, type KpiView } from './support.js';

describeEachEngine('Percent KPIs: a scale with explicit start and end', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('stores 0–100 unless told otherwise, a scale of its own (0–1) when given, and none for other units', async () => {
    const { owner } = t.w;
    expect(await createKpi(owner.client, uptime())).toMatchObject({ unit: '%', percentStart: 0, percentEnd: 100 });
    const share = await createKpi(owner.client, {
      name: 'Trial conversion',
      unit: 'percent',
      direction: 'higher_is_better',
      healthy: 0.3,
      watch: 0.2,
      percentStart: 0,
      percentEnd: 1,
    });
    expect(share).toMatchObject({ percentStart: 0, percentEnd: 1 });
    expect(await createKpi(owner.client, { ...uptime(), name: 'Latency', unit: 'ms', percentStart: 0, percentEnd: 1 })).toMatchObject({
      percentStart: null,
      percentEnd: null,
    });

    // Values must lie on the scale, whoever reports them: a person, a pasted column, an ingest token.
    await addValue(owner.client, share.id, { value: 0.25, asOf: '2025-02-10' });
    expect(await kpi(owner.client, share.id)).toMatchObject({ health: 'watch', latest: { value: 0.25 } });
    expectProblem(await owner.client.post(`${API}/kpis/${share.id}/values`, { value: 25 }), 422, '/problems/validation-failed', 'value');
    const pasted = await owner.client.post(`${API}/kpis/${share.id}/values/import`, { text: '2025-02-03\t0,31\n2025-02-04\t31\n' });
    expect(pasted.body.rows.map((r: { value: number }) => r.value)).toEqual([0.31]);
    expect(pasted.body.errors).toEqual([expect.objectContaining({ line: 2, field: 'value' })]);
    const issued = await owner.client.post(`${API}/kpis/${share.id}/ingest-tokens`, {});
    const machine = new Client(t.server.url, issued.body.token);
    expectProblem(
      await machine.post(`${API}/ingest/${share.id}`, { value: 31, source: 'dashboard' }),
      422,
      '/problems/validation-failed',
      'value',
    );
    expectStatus(await machine.post(`${API}/ingest/${share.id}`, { value: 0.31, source: 'dashboard' }), 201);
    const [first] = (await owner.client.get<{ id: string; value: number }[]>(`${API}/kpis/${share.id}/values`)).body.slice(-1);
    expectProblem(
      await owner.client.patch(`${API}/kpis/${share.id}/values/${first!.id}`, { value: 1.5 }),
      422,
      '/problems/validation-failed',
      'value',
    );
    const stored = await engine().db.select({ value: kpiValues.value }).from(kpiValues).where(eq(kpiValues.kpiId, share.id));
    expect(stored.map((v) => v.value).sort()).toEqual([0.25, 0.31]);
  });

  it('refuses a scale without both ends, with equal ends, bands off it, or one that would leave values off it', async () => {
    const { owner } = t.w;
    const cases: [Record<string, unknown>, string][] = [
      [uptime({ percentStart: 0, percentEnd: null }), 'percentEnd'],
      [uptime({ percentStart: null, percentEnd: 100 }), 'percentStart'],
      [uptime({ percentStart: 50, percentEnd: 50 }), 'percentEnd'],
      [uptime({ percentStart: 0, percentEnd: 1 }), 'healthy'],
      [{ ...uptime(), direction: 'keep_in_band', bandMin: 90, bandMax: 120, watchMargin: 1 }, 'bandMax'],
    ];
    for (const [body, field] of cases)
      expectProblem(await owner.client.post(`${API}/kpis`, body), 422, '/problems/validation-failed', field);
    expect(await engine().db.select().from(kpis)).toHaveLength(0);

    const up = await createKpi(owner.client, uptime());
    await addValue(owner.client, up.id, { value: 98, asOf: '2025-02-10' });
    expectProblem(
      await owner.client.patch(`${API}/kpis/${up.id}`, { percentStart: 99, percentEnd: 100, watch: 99, healthy: 99.5 }),
      422,
      '/problems/validation-failed',
      'percentEnd',
    );
    // Another unit clears the scale; back to percent, it is 0–100 again.
    const ms = await owner.client.patch<KpiView>(`${API}/kpis/${up.id}`, { unit: 'ms' });
    expect(ms.body).toMatchObject({ percentStart: null, percentEnd: null });
    const back = await owner.client.patch<KpiView>(`${API}/kpis/${up.id}`, { unit: '%' });
    expect(back.body).toMatchObject({ percentStart: 0, percentEnd: 100 });
  });
});

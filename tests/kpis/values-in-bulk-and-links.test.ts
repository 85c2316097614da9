import { expect, it } from 'vitest';
import { kpiValues } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';
import { createKpi, kpi, uptime } from './support.js';

describeEachEngine('KPI values in bulk, key result ↔ KPI links, token lists, driven key results, proxy reminders', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('previews a pasted column with each refused line, stores nothing until every line reads, then all at once', async () => {
    const { owner } = t.w;
    const up = await createKpi(owner.client, uptime());
    const bad = 'date\tvalue\n2025-02-03\t99,7\n2025-02-30\t99\n2025-02-10\tabc\n2025-02-16\t98';
    const preview = await owner.client.post(`${API}/kpis/${up.id}/values/import`, { text: bad, source: 'paste', dryRun: true });
    expectStatus(preview, 200);
    expect(preview.body.rows).toEqual([{ line: 2, asOf: '2025-02-03', value: 99.7, note: null, replaces: false }]);
    expect(preview.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'asOf'],
      [4, 'value'],
      [5, 'asOf'],
    ]);
    expectProblem(
      await owner.client.post(`${API}/kpis/${up.id}/values/import`, { text: bad, dryRun: false }),
      422,
      '/problems/validation-failed',
      'text',
    );
    expect(await engine().db.select().from(kpiValues)).toHaveLength(0);

    const csv = 'date,value,note\n2025-01-27,99.8,\n2025-02-03,98.5,"incident, db"\n2025-02-10,98.9,\n';
    const applied = await owner.client.post(`${API}/kpis/${up.id}/values/import`, { text: csv, source: 'csv', dryRun: false });
    expectStatus(applied, 200);
    expect(applied.body).toMatchObject({ applied: true, errors: [] });
    const values = await owner.client.get(`${API}/kpis/${up.id}/values`);
    expect(values.body.map((v: { asOf: string; source: string; note: string | null }) => [v.asOf, v.source, v.note])).toEqual([
      ['2025-02-10', 'csv', null],
      ['2025-02-03', 'csv', 'incident, db'],
      ['2025-01-27', 'csv', null],
    ]);
    expect(await kpi(owner.client, up.id)).toMatchObject({ health: 'unhealthy', unhealthyPeriods: 2 });
    const again = await owner.client.post(`${API}/kpis/${up.id}/values/import`, { text: '2025-02-10;99.9' });
    expect(again.body.rows).toEqual([expect.objectContaining({ asOf: '2025-02-10', value: 99.9, replaces: true })]);

    const outsider = await addPerson(owner.client);
    expectProblem(
      await outsider.client.post(`${API}/kpis/${up.id}/values/import`, { text: csv, dryRun: false }),
      403,
      '/problems/forbidden',
    );
  });

  it('links a key result to the KPI it improves; following it checks in the latest value; only editors link', async () => {
    const { owner, api, cycle } = t.w;
    const up = await createKpi(owner.client, uptime());
    await owner.client.post(`${API}/kpis/${up.id}/values`, { value: 99.1, asOf: '2025-02-10' });
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Reliable' });
    const kr = await api.createKeyResult(objective.id, {
      title: 'Uptime to 99.9',
      kind: 'metric',
      startValue: 98,
      targetValue: 99.9,
      unit: '%',
    });
    const milestone = await api.createKeyResult(objective.id, { title: 'Runbooks', kind: 'milestone', milestones: [{ title: 'Write' }] });

    expect((await owner.client.get(`${API}/key-results/${kr.id}/kpi`)).body).toEqual({ link: null, canEdit: true });
    expectProblem(
      await owner.client.put(`${API}/key-results/${kr.id}/kpi`, { kpiId: crypto.randomUUID() }),
      404,
      '/problems/not-found',
      'kpiId',
    );
    expectProblem(
      await owner.client.put(`${API}/key-results/${milestone.id}/kpi`, { kpiId: up.id, followsKpi: true }),
      422,
      '/problems/validation-failed',
      'followsKpi',
    );
    const outsider = await addPerson(owner.client);
    expectProblem(await outsider.client.put(`${API}/key-results/${kr.id}/kpi`, { kpiId: up.id }), 403, '/problems/forbidden');

    const linked = await owner.client.put(`${API}/key-results/${kr.id}/kpi`, { kpiId: up.id, followsKpi: true });
    expectStatus(linked, 200);
    expect(linked.body.link).toEqual({ kpiId: up.id, kpiName: 'Uptime', followsKpi: true });
    expect(await api.keyResult(kr.id)).toMatchObject({ currentValue: 99.1, lastCheckInDate: '2025-02-10' });
    await owner.client.post(`${API}/kpis/${up.id}/values`, { value: 99.4, asOf: '2025-02-14' });
    expect((await api.keyResult(kr.id)).currentValue).toBe(99.4);

    expectStatus(await owner.client.delete(`${API}/key-results/${kr.id}/kpi`), 204);
    expect((await owner.client.get(`${API}/key-results/${kr.id}/kpi`)).body.link).toBeNull();
  });

  it('lists live ingest tokens without the token, to those who may report the metric', async () => {
    const { owner } = t.w;
    const up = await createKpi(owner.client, uptime());
    const first = await owner.client.post(`${API}/kpis/${up.id}/ingest-tokens`, { label: 'Grafana' });
    const second = await owner.client.post(`${API}/kpis/${up.id}/ingest-tokens`, { label: 'Sheet' });
    expectStatus(await owner.client.delete(`${API}/ingest-tokens/${first.body.id}`), 204);
    const list = await owner.client.get(`${API}/kpis/${up.id}/ingest-tokens`);
    expectStatus(list, 200);
    expect(list.body).toEqual([expect.objectContaining({ id: second.body.id, label: 'Sheet', lastUsedAt: null })]);
    expect(JSON.stringify(list.body)).not.toContain(second.body.token);
    const outsider = await addPerson(owner.client);
    expectProblem(await outsider.client.get(`${API}/kpis/${up.id}/ingest-tokens`), 403, '/problems/forbidden');
    expectProblem(
      await new Client(t.server.url, second.body.token).get(`${API}/kpis/${up.id}/ingest-tokens`),
      401,
      '/problems/unauthenticated',
    );
  });

  it('refuses hand check-ins on a key result driven by its initiatives, naming the field', async () => {
    const { owner, api, cycle } = t.w;
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Onboard' });
    const kr = await api.createKeyResult(objective.id, { title: 'Steps', kind: 'milestone', milestones: [{ title: 'Own' }] });
    expectStatus(await owner.client.post(`${API}/key-results/${kr.id}/initiatives`, { title: 'Design' }), 201);
    expectStatus(await owner.client.put(`${API}/key-results/${kr.id}/initiative-drive`, { driven: true }), 200);
    const before = await api.checkIns(kr.id);
    expectProblem(
      await owner.client.post(`${API}/key-results/${kr.id}/check-ins`, { milestonesDone: [true], confidence: 7 }),
      422,
      '/problems/validation-failed',
      'milestonesDone',
    );
    expect(await api.checkIns(kr.id)).toHaveLength(before.length);
  });

  it('tells the owner once when a proxy measure passes its replacement date', async () => {
    const { owner, api, cycle } = t.w;
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Happy users' });
    const kr = await api.createKeyResult(objective.id, {
      ...percent('NPS by proxy'),
      dataReadiness: { dataSource: 'tickets', reliability: 'proxy', proxyReplaceBy: '2025-02-14' },
    });
    await api.createKeyResult(objective.id, {
      ...percent('Later proxy'),
      dataReadiness: { reliability: 'proxy', proxyReplaceBy: '2025-02-15' },
    });
    for (let i = 0; i < 2; i++) expectStatus(await owner.client.post(`${API}/admin/jobs/proxy-reminders/run`, { force: true }), 200);
    const notices = await owner.client.get(`${API}/notifications`);
    const proxy = notices.body.items.filter((n: { title: string }) => n.title.includes('proxy'));
    expect(proxy).toEqual([expect.objectContaining({ kind: 'reminder', title: 'Replace the proxy measure of “NPS by proxy”' })]);
    expect(proxy[0].link).toBe(`/objectives/${kr.objectiveId}`);
  });
});

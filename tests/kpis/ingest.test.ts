import { expect, it } from 'vitest';
import { checkIns, checkInProposals, ingestTokens, kpiValues } from '../../src/db/schema/index.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, percent, useOkrWorld } from '../okrs/support.js';
import { createKpi, kpi, uptime } from './support.js';

describeEachEngine('Ingest tokens and proposed check-ins', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');
  const machine = (token: string) => new Client(t.server.url, token);

  it('stores a pushed KPI value at once with its source; the token is hashed at rest, scoped and revocable', async () => {
    const { owner } = t.w;
    const up = await createKpi(owner.client, uptime());
    const other = await createKpi(owner.client, uptime({ name: 'Other' }));
    const issued = await owner.client.post(`${API}/kpis/${up.id}/ingest-tokens`, { label: 'Grafana' });
    expectStatus(issued, 201);
    const token: string = issued.body.token;
    expect(token).toMatch(/^cairn_ingest_/);
    const [stored] = await engine().db.select().from(ingestTokens);
    expect(stored!.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const pushed = await machine(token).post(`${API}/ingest/${up.id}`, { value: 98, asOf: '2025-02-10', source: 'grafana/uptime' });
    expectStatus(pushed, 201);
    expect(pushed.body).toEqual({ kind: 'kpi_value', id: expect.any(String), asOf: '2025-02-10', value: 98 });
    const values = await owner.client.get(`${API}/kpis/${up.id}/values`);
    expect(values.body).toEqual([expect.objectContaining({ value: 98, source: 'grafana/uptime', reportedBy: null })]);
    expect((await kpi(owner.client, up.id)).health).toBe('unhealthy');

    // Bad input names the field and stores nothing.
    expectProblem(
      await machine(token).post(`${API}/ingest/${up.id}`, { value: 1, asOf: '2025-02-16', source: 's' }),
      422,
      '/problems/validation-failed',
      'asOf',
    );
    expectProblem(
      await machine(token).post(`${API}/ingest/${up.id}`, { value: 'x', source: 's' }),
      400,
      '/problems/validation-failed',
      'value',
    );
    // The token reaches its own metric only, and reads nothing.
    expectProblem(await machine(token).post(`${API}/ingest/${other.id}`, { value: 1, source: 's' }), 401, '/problems/unauthenticated');
    for (const path of [`/kpis/${up.id}`, `/kpis/${up.id}/values`, '/kpis', '/me', '/objectives'])
      expectProblem(await machine(token).get(`${API}${path}`), 401, '/problems/unauthenticated');
    expectProblem(await machine(token).post(`${API}/kpis/${up.id}/values`, { value: 1 }), 401, '/problems/unauthenticated');
    expectProblem(
      await machine('cairn_ingest_wrong').post(`${API}/ingest/${up.id}`, { value: 1, source: 's' }),
      401,
      '/problems/unauthenticated',
    );
    expectProblem(
      await new Client(t.server.url).post(`${API}/ingest/${up.id}`, { value: 1, source: 's' }),
      401,
      '/problems/unauthenticated',
    );

    expectStatus(await owner.client.delete(`${API}/ingest-tokens/${issued.body.id}`), 204);
    expectProblem(await machine(token).post(`${API}/ingest/${up.id}`, { value: 1, source: 's' }), 401, '/problems/unauthenticated');
    expect(await engine().db.select().from(kpiValues)).toHaveLength(1);
  });

  it('turns a pushed key-result value into a proposed check-in that the owner confirms or dismisses', async () => {
    const { owner, api, cycle } = t.w;
    const objective = await api.createPublished({ cycleId: cycle.id, title: 'Grow' });
    const kr = await api.createKeyResult(objective.id, percent('Signups'));
    const outsider = await addPerson(owner.client);
    expectProblem(await outsider.client.post(`${API}/key-results/${kr.id}/ingest-tokens`, {}), 403, '/problems/forbidden');
    const issued = await owner.client.post(`${API}/key-results/${kr.id}/ingest-tokens`, {});
    expectStatus(issued, 201);

    const pushed = await machine(issued.body.token).post(`${API}/ingest/${kr.id}`, {
      value: 40,
      asOf: '2025-02-14',
      source: 'sheet macro',
    });
    expectStatus(pushed, 201);
    expect(pushed.body.kind).toBe('proposal');
    // Nothing is checked in until a person judges it.
    expect(await engine().db.select().from(checkIns)).toEqual([]);
    expect((await api.keyResult(kr.id)).currentValue).toBeNull();
    const proposals = await owner.client.get(`${API}/key-results/${kr.id}/proposals`);
    expect(proposals.body).toEqual([expect.objectContaining({ value: 40, asOf: '2025-02-14', source: 'sheet macro', status: 'proposed' })]);

    expectProblem(await outsider.client.post(`${API}/proposals/${pushed.body.id}/confirm`, { confidence: 7 }), 403, '/problems/forbidden');
    expectProblem(
      await owner.client.post(`${API}/proposals/${pushed.body.id}/confirm`, { confidence: 11 }),
      400,
      '/problems/validation-failed',
      'confidence',
    );
    const confirmed = await owner.client.post(`${API}/proposals/${pushed.body.id}/confirm`, {
      confidence: 7,
      note: 'Looks right',
      blockers: 'none',
    });
    expectStatus(confirmed, 201);
    expect(confirmed.body).toMatchObject({ value: 40, asOf: '2025-02-14', confidence: 7, note: 'Looks right', authorId: owner.user.id });
    expect(await api.keyResult(kr.id)).toMatchObject({ currentValue: 40, confidence: 7 });
    expectProblem(await owner.client.post(`${API}/proposals/${pushed.body.id}/confirm`, {}), 409, '/problems/conflict');

    const second = await machine(issued.body.token).post(`${API}/ingest/${kr.id}`, { value: 99, source: 'sheet macro' });
    expectStatus(await owner.client.post(`${API}/proposals/${second.body.id}/dismiss`), 200);
    const after = await owner.client.get(`${API}/key-results/${kr.id}/proposals`);
    expect(after.body.map((p: { status: string }) => p.status)).toEqual(['dismissed', 'confirmed']);
    expect(await engine().db.select().from(checkIns)).toHaveLength(1);
    expect(await engine().db.select().from(checkInProposals)).toHaveLength(2);
    // Outside the cycle: refused naming asOf.
    expectProblem(
      await machine(issued.body.token).post(`${API}/ingest/${kr.id}`, { value: 1, asOf: '2024-12-31', source: 's' }),
      422,
      '/problems/validation-failed',
      'asOf',
    );
  });
});

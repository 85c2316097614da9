import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.js';
import { Client } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, expectStatus, setUpOrganization, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { openLiveStream } from '../social/support.js';
import { parsePrometheusText, sampleValue } from './prometheus-text.js';

const TOKEN = 'metrics-token-for-tests';

describeEachEngine('/metrics for operators', (engine) => {
  let server: TestServer;
  let owner: Person;
  beforeAll(async () => {
    await engine().reset();
    server = await startTestServer(engine().handle, { config: { metricsToken: TOKEN } });
    ({ owner } = await setUpOrganization(server.url));
  });
  afterAll(() => server?.close());

  const scrape = async () => {
    const response = await new Client(server.url).get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expectStatus(response, 200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(response.text);
  };

  it('answers 401 problem+json without the token or with a wrong one', async () => {
    expectProblem(await new Client(server.url).get('/metrics'), 401, '/problems/unauthenticated');
    const wrong = await new Client(server.url).get('/metrics', { headers: { authorization: 'Bearer not-the-token' } });
    expectProblem(wrong, 401, '/problems/unauthenticated');
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    // A session is not the metrics token.
    expectProblem(await owner.client.get('/metrics'), 401, '/problems/unauthenticated');
  });

  it('parses as Prometheus text and counts requests by route pattern', async () => {
    const before = (await scrape()).samples;
    const route = { method: 'GET', route: '/api/v1/teams', status: '200' };
    for (let i = 0; i < 3; i++) expectStatus(await owner.client.get('/api/v1/teams'), 200);
    const after = await scrape();
    expect(sampleValue(after.samples, 'cairn_http_requests_total', route) - sampleValue(before, 'cairn_http_requests_total', route)).toBe(
      3,
    );
    expect(after.types.get('cairn_http_request_duration_seconds')).toBe('histogram');
    const timed = { method: 'GET', route: '/api/v1/teams' };
    expect(
      sampleValue(after.samples, 'cairn_http_request_duration_seconds_count', timed) -
        sampleValue(before, 'cairn_http_request_duration_seconds_count', timed),
    ).toBe(3);
    // Ids never become label values: an objective read is counted under its pattern.
    await owner.client.get('/api/v1/objectives/00000000-0000-4000-8000-000000000000');
    const patterns = (await scrape()).samples.filter((s) => s.name === 'cairn_http_requests_total').map((s) => s.labels.route);
    expect(patterns).toContain('/api/v1/objectives/:id');
    expect(patterns.some((p) => p?.includes('00000000'))).toBe(false);
  });

  it('times database use and reports process figures', async () => {
    const count = (samples: ReturnType<typeof parsePrometheusText>['samples']) =>
      sampleValue(samples, 'cairn_database_hold_duration_seconds_count', { engine: engine().kind });
    const before = count((await scrape()).samples);
    expectStatus(await owner.client.get('/api/v1/teams'), 200);
    const after = await scrape();
    expect(count(after.samples)).toBeGreaterThan(before);
    expect(sampleValue(after.samples, 'cairn_process_resident_memory_bytes')).toBeGreaterThan(0);
    if (engine().kind === 'postgres')
      expect(sampleValue(after.samples, 'cairn_database_pool_connections', { state: 'total' })).toBeGreaterThan(0);
  });

  it('reports the outbox backlog and its oldest row as the database holds them', async () => {
    const { db } = engine();
    const orgId = (await queryRows<{ id: string }>(db, sql`select id from organizations limit 1`))[0]!.id;
    await db.execute(
      sql`insert into outbox (org_id, channel, recipient, body, status, created_at)
          values (${orgId}, 'email', 'a@example.test', 'x', 'pending', now() - interval '10 minutes'),
                 (${orgId}, 'email', 'b@example.test', 'y', 'pending', now()),
                 (${orgId}, 'email', 'c@example.test', 'z', 'sent', now() - interval '1 hour')`,
    );
    const { samples } = await scrape();
    const pending = (
      await queryRows<{ pending: number }>(db, sql`select count(*)::int as pending from outbox where status = 'pending'`)
    )[0]!.pending;
    expect(pending).toBe(2);
    expect(sampleValue(samples, 'cairn_outbox_pending')).toBe(pending);
    expect(sampleValue(samples, 'cairn_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(600);
    expect(sampleValue(samples, 'cairn_outbox_oldest_pending_age_seconds')).toBeLessThan(3600);
  });

  it('counts open live streams', async () => {
    const stream = await openLiveStream(owner.client);
    await stream.next((m) => m.type === 'ready');
    expect(sampleValue((await scrape()).samples, 'cairn_sse_connections')).toBe(1);
    stream.close();
    await expect.poll(async () => sampleValue((await scrape()).samples, 'cairn_sse_connections')).toBe(0);
  });
});

describeEachEngine('health: liveness and readiness', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine().handle);
  });
  afterAll(() => server?.close());

  it('liveness answers without the database; readiness checks it', async () => {
    const live = await new Client(server.url).get('/api/health/live');
    expectStatus(live, 200);
    expect(live.body).toMatchObject({ status: 'ok', uptimeSeconds: expect.any(Number) });
    const ready = await new Client(server.url).get('/api/health/ready');
    expectStatus(ready, 200);
    expect(ready.body).toMatchObject({ status: 'ok', database: { engine: engine().kind, ok: true } });
  });

  it('/metrics does not exist without CAIRN_METRICS_TOKEN', async () => {
    expectProblem(await new Client(server.url).get('/metrics'), 404, '/problems/not-found');
  });
});

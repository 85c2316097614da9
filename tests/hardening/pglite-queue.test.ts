import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkIns } from '../../src/db/schema/index.js';
import { burst } from '../support/burst.js';
import type { ApiResponse } from '../support/client.js';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem, setUpOrganization, type Person } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { API, OkrApi, percent, rollupDifferences, TestClock } from '../okrs/support.js';

const TODAY = '2025-02-15';
const REQUESTS = 40;

interface HealthQueue {
  running: number;
  waiting: number;
  maxWaiting: number;
  refused: number;
}

describeEachEngine('a burst of check-ins against a line of 2', (engine) => {
  let server: TestServer;
  let owner: Person;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer(engine().handle, { config: { pgliteMaxQueue: 2 }, clock: new TestClock(TODAY).now });
    ({
      owner,
      organization: { id: orgId },
    } = await setUpOrganization(server.url));
  });
  afterAll(() => server?.close());

  const healthQueue = async (): Promise<HealthQueue | undefined> =>
    ((await (await fetch(`${server.url}/api/health`)).json()) as { queue?: HealthQueue }).queue;

  it('refuses some with 503 and Retry-After (PGlite), none with 500; every acknowledged check-in is saved and rolled up', async () => {
    const api = new OkrApi(owner.client);
    const cycle = await api.createCycle({ name: 'Q1', startDate: '2025-01-01', endDate: '2025-03-31', status: 'active' });
    const objective = await api.createObjective({ cycleId: cycle.id, title: 'Hold up under load' });
    const krs = await Promise.all([0, 1, 2].map((i) => api.createKeyResult(objective.id, percent(`Measure ${i}`))));

    // Each request carries its own value, so what was saved can be matched to what was acknowledged.
    const requests = burst(
      owner.client,
      Array.from({ length: REQUESTS }, (_, value) => ({
        method: 'POST',
        path: `${API}/key-results/${krs[value % 3]!.id}/check-ins`,
        body: { value },
      })),
    );
    let longestLine = 0;
    let settled = false;
    void requests.finally(() => (settled = true));
    while (!settled) longestLine = Math.max(longestLine, (await healthQueue())?.waiting ?? 0);
    const responses: ApiResponse[] = await requests;

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const refused = responses.filter((r) => r.status === 503);
    const acknowledged = responses.flatMap((r, value) => (r.status === 201 ? [value] : []));
    if (engine().kind === 'pglite') {
      expect(refused.length).toBeGreaterThan(0);
      expect(longestLine, 'health showed the line filling').toBeGreaterThan(0);
      expect(longestLine).toBeLessThanOrEqual(2);
      expect(await healthQueue()).toEqual({ running: 0, waiting: 0, maxWaiting: 2, refused: refused.length });
    } else {
      expect(refused).toEqual([]);
      expect(await healthQueue()).toBeUndefined();
    }
    for (const response of refused) {
      expectProblem(response, 503, '/problems/unavailable');
      expect(response.headers.get('retry-after')).toBe('1');
    }
    expect(acknowledged.length).toBeGreaterThan(0);

    const saved = await Promise.all(krs.map((kr) => engine().db.select().from(checkIns).where(eq(checkIns.keyResultId, kr.id))));
    const savedValues = saved.flat().map((row) => row.value);
    expect(savedValues.sort((a, b) => a! - b!)).toEqual(acknowledged);
    expect(await rollupDifferences(engine().db, orgId, cycle.id, TODAY)).toEqual([]);
    for (const [i, kr] of krs.entries()) {
      const view = await api.keyResult(kr.id);
      expect(saved[i]!.map((row) => row.value)).toContain(view.currentValue);
    }
  });

  it('answers health outside the line, and a request after the burst as usual', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await owner.client.get(`${API}/objectives`)).status).toBe(200);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, queryRows, type Database, type DatabaseHandle } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres-engine.js';
import { openTestEngine, type TestEngine } from '../support/engines.js';
import { expectProblem, setUpOrganization, type Person } from '../support/fixtures.js';
import { freePort, startTestServer, type TestServer } from '../support/server.js';
import { startFreezableProxy, startSilentPort, type FreezableProxy } from './freezable-proxy.js';

const TIMEOUTS = { connectMs: 1_000, statementMs: 1_500, idleInTransactionMs: 5_000 };

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('opening PostgreSQL that does not answer', () => {
  it('gives up on a silent port within the connect timeout, and on a closed port at once', async () => {
    const silent = await startSilentPort();
    try {
      const started = performance.now();
      const error = await openPostgres(`postgres://cairn@127.0.0.1:${silent.port}/cairn`, { timeouts: TIMEOUTS }).catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    } finally {
      await silent.close();
    }
    const closed = await freePort();
    const error = await openPostgres(`postgres://cairn@127.0.0.1:${closed}/cairn`, { timeouts: TIMEOUTS }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), true],
    [
      new Error('Failed query', { cause: Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }) }),
      true,
    ],
    [new Error('Query read timeout'), true],
    [new Error('timeout exceeded when trying to connect'), true],
    [Object.assign(new Error('duplicate key'), { code: '23505' }), false],
    [new Error('something else'), false],
  ])('isDatabaseUnavailable(%s) is %s', (error, expected) => expect(isDatabaseUnavailable(error)).toBe(expected));
});

// Freezing needs a real server behind the proxy.
describe.runIf(process.env.TEST_DATABASE_URL)('a PostgreSQL server that freezes (as under SIGSTOP)', () => {
  let engine: (TestEngine & { dispose(): Promise<void> }) | undefined;
  let proxy: FreezableProxy;
  let handle: DatabaseHandle;
  let server: TestServer;
  let owner: Person;

  beforeAll(async () => {
    engine = await openTestEngine('postgres');
    const [row] = await queryRows<{ name: string }>(engine.db, sql`select current_database() as name`);
    const target = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startFreezableProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    viaProxy.pathname = `/${row!.name}`;
    handle = await openPostgres(viaProxy.toString(), { max: 4, timeouts: TIMEOUTS });
    server = await startTestServer(handle);
    ({ owner } = await setUpOrganization(server.url));
    proxy.freeze();
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
    await handle?.close().catch(() => {});
    await engine?.dispose();
  });

  it('health says the database is down within 2 s, without naming its address', async () => {
    const { value: response, ms } = await timed(() => fetch(`${server.url}/api/health`));
    expect(ms).toBeLessThan(3_000);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'degraded', database: { engine: 'postgres', ok: false, latencyMs: null } });
    expect(text).not.toContain(String(proxy.port));
    expect(text).not.toContain('127.0.0.1');
  });

  it('answers an API call with 503 problem+json and Retry-After within the timeouts', async () => {
    const { value: response, ms } = await timed(() => owner.client.get('/api/v1/objectives'));
    expect(ms).toBeLessThan(TIMEOUTS.statementMs + TIMEOUTS.connectMs + 2_000);
    expectProblem(response, 503, '/problems/unavailable');
    expect(response.headers.get('retry-after')).toBe('5');
  });
});

// The read timeout itself (query-watchdog.ts): a statement on a connection opened before the server froze.
describe.runIf(process.env.TEST_DATABASE_URL)('a statement sent to a server that froze after it answered', () => {
  /** One pooled connection through a proxy, opened and used, then `work` with a function that freezes the proxy. */
  async function afterFreezing(work: (db: Database, freeze: () => void) => Promise<unknown>) {
    const engine = await openTestEngine('postgres');
    const [row] = await queryRows<{ name: string }>(engine.db, sql`select current_database() as name`);
    const target = new URL(process.env.TEST_DATABASE_URL!);
    const proxy = await startFreezableProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    viaProxy.pathname = `/${row!.name}`;
    const handle = await openPostgres(viaProxy.toString(), { max: 1, timeouts: TIMEOUTS });
    try {
      const { value: error, ms } = await timed(() =>
        work(handle.db, () => proxy.freeze()).then(
          () => null,
          (e: unknown) => e,
        ),
      );
      return { error, ms, connections: handle.poolStats?.().total };
    } finally {
      await handle.close().catch(() => {});
      await proxy.close();
      await engine.dispose();
    }
  }
  const limit = TIMEOUTS.statementMs + 1_000;

  it('fails as unavailable, with a read timeout, once it has had no answer for statementMs + 1 s', async () => {
    const { error, ms, connections } = await afterFreezing(async (db, freeze) => {
      await db.execute(sql`select 1`);
      freeze();
      await db.execute(sql`select 2`);
    });
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    expect(String((error as Error).cause)).toContain('Query read timeout');
    expect(ms).toBeGreaterThanOrEqual(limit);
    expect(ms).toBeLessThan(limit + 1_000);
    expect(connections).toBe(0); // the dead connection left the pool
  });

  it('also inside a transaction, whose connection is checked out of the pool', async () => {
    const { error, ms } = await afterFreezing((db, freeze) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        freeze();
        await tx.execute(sql`select 2`);
      }),
    );
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(limit);
    expect(ms).toBeLessThan(limit + 1_000);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("the client's read timeout on a server that answers", () => {
  let engine: (TestEngine & { dispose(): Promise<void> }) | undefined;
  let handle: DatabaseHandle | undefined;

  beforeAll(async () => {
    engine = await openTestEngine('postgres');
    const [row] = await queryRows<{ name: string }>(engine.db, sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    // The client stops waiting 1.3 s after a statement that has had no answer (statementMs + 1 s).
    handle = await openPostgres(url.toString(), { max: 2, timeouts: { connectMs: 1_000, statementMs: 300, idleInTransactionMs: 5_000 } });
  });
  afterAll(async () => {
    await handle?.close();
    await engine?.dispose();
  });

  it('counts from the last answer: a transaction of many quick statements outlasts it', async () => {
    const { value, ms } = await timed(() =>
      handle!.db.transaction(async (tx) => {
        let answered = 0;
        for (let i = 0; i < 30; i++) answered += (await queryRows<{ n: number }>(tx, sql`select 1 as n, pg_sleep(0.06)`)).length;
        return answered;
      }),
    );
    expect(ms).toBeGreaterThan(1_300);
    expect(value).toBe(30);
    // Through the pool (a callback inside pg-pool) as well, and the connections are still good after.
    const [row] = await queryRows<{ n: number }>(handle!.db, sql`select 2 as n`);
    expect(row?.n).toBe(2);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.js';
import { cliEnv, startCli, waitForHttpOk, type RunningCli } from '../support/cli.js';
import { setUpOrganization } from '../support/fixtures.js';
import { freePort, TEST_SETUP_CODE } from '../support/server.js';
import { OkrApi } from '../okrs/support.js';
import { openLiveStream } from './support.js';

/**
 * `cairn serve` as a process: SIGTERM with live streams open still exits at once, and on a
 * PostgreSQL server two processes share live events (serve.ts opens the LISTEN/NOTIFY bus).
 */
describe('live streams of `cairn serve` processes', () => {
  const root = mkdtempSync(join(tmpdir(), 'cairn-live-'));
  const started: RunningCli[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];

  afterAll(async () => {
    for (const cli of started) if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    for (const cli of started) await cli.exited(5_000);
    for (const cleanup of cleanups) await cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  async function serve(extra: Record<string, string>): Promise<{ cli: RunningCli; url: string }> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const cli = startCli(
      ['serve'],
      cliEnv(join(root, `data-${port}`), {
        PORT: String(port),
        HOST: '127.0.0.1',
        CAIRN_PUBLIC_URL: url,
        CAIRN_SETUP_TOKEN: TEST_SETUP_CODE,
        ...extra,
      }),
    );
    started.push(cli);
    await waitForHttpOk(`${url}/api/health`, cli, 60_000);
    return { cli, url };
  }

  async function stopsPromptly(cli: RunningCli) {
    const signalled = Date.now();
    cli.child.kill('SIGTERM');
    const stopped = await cli.exited(15_000);
    expect({ code: stopped.code, signal: stopped.signal }, stopped.stderr).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(5_000);
  }

  it('stops on SIGTERM with a live stream open (PGlite)', { timeout: 90_000 }, async () => {
    const { cli, url } = await serve({});
    const { owner } = await setUpOrganization(url);
    const stream = await openLiveStream(owner.client);
    await stopsPromptly(cli);
    await stream.ended;
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'shares live events between two processes on one PostgreSQL database, and both stop on SIGTERM',
    { timeout: 120_000 },
    async () => {
      const base = process.env.TEST_DATABASE_URL!;
      const name = `cairn_t_${randomBytes(6).toString('hex')}`;
      const admin = async (text: string) => {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(text).finally(() => client.end());
      };
      await admin(`create database "${name}"`);
      cleanups.push(() => admin(`drop database if exists "${name}" with (force)`));
      const url = new URL(base);
      url.pathname = `/${name}`;
      const a = await serve({ DATABASE_URL: url.toString() });
      const b = await serve({ DATABASE_URL: url.toString() });

      const { owner } = await setUpOrganization(a.url);
      const onB = new Client(b.url);
      for (const [cookie, value] of owner.client.cookies) onB.cookies.set(cookie, value);
      const streamB = await openLiveStream(onB);
      const api = new OkrApi(owner.client);
      const year = new Date().getUTCFullYear();
      const cycle = await api.createCycle({ name: `${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31`, status: 'active' });
      const { kr } = await api.objectiveAt({ cycleId: cycle.id, title: 'Ship it' }, 10);
      await streamB.next((m) => m.type === 'check_in' && m.entityId === kr.id, 10_000);

      await stopsPromptly(b.cli);
      await streamB.ended;
      await stopsPromptly(a.cli);
    },
  );
});

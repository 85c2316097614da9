import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres-engine.js';
import { createPostgresBus, LISTENER_NAME } from '../../src/server/events/postgres-bus.js';
import { Client } from '../support/client.js';
import { OkrApi } from '../okrs/support.js';
import { openLiveStream, setUpSocialWorld, startServerWith, type LiveMessage } from './support.js';

const baseUrl = process.env.TEST_DATABASE_URL;
const checkInOn = (id: string) => (m: LiveMessage) => m.type === 'check_in' && m.entityId === id;

/**
 * Two Cairn processes on one PostgreSQL database, simulated by two apps with their own pools and
 * their own LISTEN connections: what happens on one reaches pages open on the other.
 */
describe.skipIf(!baseUrl)('live events between processes over LISTEN/NOTIFY [postgres]', () => {
  const name = `cairn_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(baseUrl ?? 'postgres://localhost/none');
  url.pathname = `/${name}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  const handles: DatabaseHandle[] = [];
  const servers: { url: string; close(): Promise<void> }[] = [];

  beforeAll(async () => {
    await admin(`create database "${name}"`);
    for (let i = 0; i < 2; i++) {
      const handle = await openPostgres(url.toString(), { max: 3 });
      handles.push(handle);
      await handle.migrate();
      // Each app gets its own LISTEN connection, as each process would; the app closes it.
      servers.push(await startServerWith(handle, await createPostgresBus(url.toString(), { retryMs: 50 })));
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const handle of handles) await handle.close();
    await admin(`drop database if exists "${name}" with (force)`);
  });

  it('delivers a check-in made through one app to a stream open on the other, once, and again after the listener reconnects', async () => {
    const world = await setUpSocialWorld(servers[0]!.url);
    const onB = new Client(servers[1]!.url);
    for (const [cookie, value] of world.owner.client.cookies) onB.cookies.set(cookie, value);
    const streamB = await openLiveStream(onB);
    const streamA = await openLiveStream(world.owner.client);
    try {
      await new OkrApi(world.grace.client).checkIn(world.kr.id, { value: 10 });
      await streamB.next(checkInOn(world.kr.id));
      await streamA.next(checkInOn(world.kr.id));
      expect(streamA.messages.filter(checkInOn(world.kr.id))).toHaveLength(1);

      // Kill both listeners' connections; the buses reconnect on their own.
      const killed = await admin(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and application_name = '${LISTENER_NAME}'`,
      );
      expect(killed.rowCount).toBe(2);
      const deadline = Date.now() + 5_000;
      while (
        (
          await admin(
            `select 1 from pg_stat_activity where datname = '${name}' and application_name = '${LISTENER_NAME}' and query ilike 'listen%'`,
          )
        ).rowCount !== 2
      ) {
        if (Date.now() > deadline) throw new Error('the listeners did not reconnect');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const second = await world.api.createKeyResult(world.objective.id, {
        title: 'Second',
        kind: 'metric',
        startValue: 0,
        targetValue: 10,
      });
      await new OkrApi(world.grace.client).checkIn(second.id, { value: 5 });
      await streamB.next(checkInOn(second.id));
    } finally {
      streamA.close();
      streamB.close();
    }
  });
});

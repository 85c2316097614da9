import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { openPgliteInMemory } from '../../src/db/pglite-engine.js';
import { loadConfig } from '../../src/server/config.js';
import { startTicker } from '../../src/server/jobs/ticker.js';
import { createMailer } from '../../src/server/mail/mailer.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openPgliteInMemory();
  await handle.migrate();
  await handle.maintain!();
});
afterAll(() => handle?.close());

it('the server ticker keeps PGlite statistics fresh: a table that grew is analyzed on the next tick', async () => {
  const logged: { details: object; message: string }[] = [];
  const log = {
    info: (details: object, message: string) => logged.push({ details, message }),
    error: (details: object, message: string) => logged.push({ details, message }),
  };
  // Rows no job reads, so the jobs' own work stays as small as on an empty instance.
  await handle.db.execute(sql`insert into instance_settings (key, value) select 'bulk-' || g, 'x' from generate_series(1, 5000) g`);
  const ctx = {
    db: handle.db,
    config: loadConfig({}),
    mailer: createMailer(undefined, 'Cairn <cairn@example.test>'),
    clock: () => new Date(),
    secret: 'test-secret',
  };
  const ticker = startTicker(ctx, { log, jobsEveryMs: 50, dispatchEveryMs: 60_000, firstAfterMs: 0, maintain: handle.maintain });
  try {
    const analyzed = () =>
      logged.flatMap((l) => (l.message === 'database statistics refreshed' ? (l.details as { analyzed: string[] }).analyzed : []));
    await expect.poll(analyzed, { timeout: 10_000 }).toContain('instance_settings');
  } finally {
    await ticker.stop();
  }
  expect(
    logged.filter((l) => l.message !== 'job ran' && l.message !== 'database statistics refreshed'),
    'no job or upkeep failed',
  ).toEqual([]);
});

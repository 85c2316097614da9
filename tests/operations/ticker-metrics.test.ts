import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { openPgliteInMemory } from '../../src/db/pglite-engine.js';
import { loadConfig } from '../../src/server/config.js';
import { startTicker } from '../../src/server/jobs/ticker.js';
import { createMailer } from '../../src/server/mail/mailer.js';
import { createMetrics, tickerObserver } from '../../src/server/metrics/metrics.js';
import { parsePrometheusText, sampleValue } from './prometheus-text.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openPgliteInMemory();
  await handle.migrate();
});
afterAll(() => handle?.close());

it('job runs and the embedded engine upkeep are counted as the ticker runs them', async () => {
  const metrics = createMetrics();
  const silent = { info: () => {}, error: () => {} };
  const ctx = {
    db: handle.db,
    config: loadConfig({}),
    mailer: createMailer(undefined, 'Cairn <cairn@example.test>'),
    clock: () => new Date(),
    secret: 'test-secret',
  };
  const ticker = startTicker(ctx, {
    log: silent,
    jobsEveryMs: 60_000,
    dispatchEveryMs: 60_000,
    firstAfterMs: 0,
    maintain: handle.maintain,
    observe: tickerObserver(metrics),
  });
  const read = async () => parsePrometheusText(await metrics.registry.metrics()).samples;
  try {
    await expect
      .poll(async () => sampleValue(await read(), 'cairn_database_maintenance_runs_total', { outcome: 'ran' }), { timeout: 20_000 })
      .toBe(1);
  } finally {
    await ticker.stop();
  }
  const samples = await read();
  // One pass of the jobs loop: dispatch ran once there, and no job failed.
  expect(sampleValue(samples, 'cairn_job_runs_total', { job: 'dispatch', outcome: 'ran' })).toBe(1);
  expect(samples.filter((s) => s.name === 'cairn_job_runs_total' && s.labels.outcome === 'error')).toEqual([]);
});

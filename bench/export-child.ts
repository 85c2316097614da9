/**
 * The lossless export of the whole bench organisation (issue 18: 10,000 people and 1.5 M check-ins at scale 1, in
 * under 2 minutes without holding it in memory), in a process of its own so that its peak RSS is the export's alone:
 * `cairn export --output FILE` as the CLI does it — exportOrganization writing to a file stream, waiting for it to
 * drain. bench/run.ts starts it once the engine's database is closed; it prints one JSON line and deletes the file.
 *   node --import tsx bench/export-child.ts --engine pglite|postgres --location DIR|URL --org ID --user ID
 */
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openPglite } from '../src/db/pglite-engine.js';
import { openPostgres } from '../src/db/postgres-engine.js';
import { exportOrganization } from '../src/server/services/exports/export-organization.js';

export interface ExportResult {
  ms: number;
  bytes: number;
  /** Rows written (each row is one write of the stream). */
  rows: number;
  peakRssMb: number;
  /** RSS once the database was open, before the export began: what the export itself added is the difference. */
  rssBeforeMb: number;
}

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    location: { type: 'string' },
    org: { type: 'string' },
    user: { type: 'string' },
  },
});
if (!values.engine || !values.location || !values.org || !values.user)
  throw new Error('--engine, --location, --org and --user are required');

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const handle =
  values.engine === 'pglite'
    ? await openPglite(values.location)
    : await openPostgres(values.location, { timeouts: { statementMs: 120_000, idleInTransactionMs: 120_000 } });
const path = join(tmpdir(), `cairn-bench-export-${process.pid}.json`);
try {
  const out = createWriteStream(path);
  let rows = 0;
  const write = async (chunk: string) => {
    rows++;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const actor = {
    userId: values.user,
    orgId: values.org,
    role: 'owner' as const,
    name: 'Bench',
    email: 'bench@example.com',
    via: 'token' as const,
  };
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const start = performance.now();
  await exportOrganization(handle, actor, write);
  out.end();
  await once(out, 'finish');
  const result: ExportResult = {
    ms: performance.now() - start,
    bytes: statSync(path).size,
    rows,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMb,
  };
  process.stdout.write(`EXPORT_RESULT ${JSON.stringify(result)}\n`);
} finally {
  rmSync(path, { force: true });
  await handle.close();
}

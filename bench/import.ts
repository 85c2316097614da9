/**
 * `node --import tsx bench/import.ts [--rows 5000]`: the import of a spreadsheet of that many rows
 * (a fifth objectives, each with four key results, the objectives aligned as a tree under key results
 * four to a key result, in one cycle) on an in-memory PGlite: the dry run, then the apply,
 * then the re-import of the same file (all unchanged). Prints the seconds of each and the peak RSS.
 * Target (issue 18): dry run and apply of 5,000 rows under 20 s each. `npm run bench` runs it once (bench/run.ts) and
 * reads the `IMPORT_RESULT` line it prints last.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openPgliteInMemory } from '../src/db/pglite-engine.js';
import { organizations, users } from '../src/db/schema/index.js';
import type { Actor } from '../src/server/auth/actor.js';
import { createLocalBus } from '../src/server/events/bus.js';
import { applySpreadsheetImport, previewSpreadsheetImport } from '../src/server/services/imports/import-spreadsheet.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' } } });
const rows = Number(values.rows);

function spreadsheet(count: number): Buffer {
  const lines = ['Row ID,Parent Row ID,Type,Title,Cycle,Cycle Start,Cycle End,Start,Target,Current'];
  for (let o = 0; lines.length <= count; o++) {
    const parent = o === 0 ? '' : `K${Math.floor((o - 1) / 4)}-${(o - 1) % 4}`;
    lines.push(`O${o},${parent},Objective,Objective ${o},Bench quarter,2025-01-01,2025-03-31,,,`);
    for (let k = 0; k < 4 && lines.length <= count; k++)
      lines.push(`K${o}-${k},O${o},Key result,Result ${o}.${k},,,,0,100,${(o * 7 + k) % 100}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const handle = await openPgliteInMemory();
await handle.migrate();
const [org] = await handle.db.insert(organizations).values({ name: 'Bench' }).returning();
const userId = randomUUID();
await handle.db.insert(users).values({ id: userId, orgId: org!.id, name: 'Owner', email: 'owner@bench.test', role: 'owner' });
const actor: Actor = { userId, orgId: org!.id, role: 'owner', name: 'Owner', email: 'owner@bench.test', via: 'token' };
const deps = { db: handle.db, events: createLocalBus(), clock: () => new Date('2025-02-15T12:00:00Z') };
const file = spreadsheet(rows);

const timed = async <T>(label: string, work: () => Promise<T>) => {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(22)} ${(ms / 1000).toFixed(2)} s`);
  return { result, ms };
};
console.log(`Import of ${rows} rows (${(file.length / 1024).toFixed(0)} KiB CSV) on PGlite`);
const { result: preview, ms: dryRunMs } = await timed('dry run', () => previewSpreadsheetImport(deps, actor, file, {}));
const { ms: applyMs } = await timed('apply', () => applySpreadsheetImport(deps, actor, file, {}));
const { result: again, ms: reimportMs } = await timed('re-import (unchanged)', () => applySpreadsheetImport(deps, actor, file, {}));
console.log(
  `objectives ${preview.counts.objectives.create}, key results ${preview.counts.keyResults.create}, errors ${preview.errors.length}`,
);
console.log(`re-import unchanged: ${again.counts.objectives.unchanged} objectives, ${again.counts.keyResults.unchanged} key results`);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`peak RSS ${peakRssMb} MiB`);
const unchanged = again.counts.objectives.unchanged + again.counts.keyResults.unchanged;
const summary = { rows, dryRunMs, applyMs, reimportMs, errors: preview.errors.length, unchanged, peakRssMb };
console.log(`IMPORT_RESULT ${JSON.stringify(summary)}`);
await handle.close();

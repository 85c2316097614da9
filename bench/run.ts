/**
 * `npm run bench`: generates an organisation (10,000 people, 1,000 teams, 50,000 objectives in
 * 4 cycles and 6 levels, 150,000 key results, 1,500,000 check-ins at scale 1), loads it into PGlite
 * and into a PostgreSQL server, and measures a team's page, one tree level, a cycle summary and a
 * check-in write with its propagation on each.
 *
 *   node --import tsx bench/run.ts [--scale 0.01] [--engines pglite,postgres] [--iterations 200]
 *
 * Each engine runs in a child process of its own, so that its peak memory is its own. The server
 * is BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test): a fresh database
 * cairn_bench_<random> is created on it, migrated, and dropped at the end. PGlite gets a fresh
 * temporary directory. Results go to stdout and to --out (default tmp/bench).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle, type EngineKind } from '../src/db/database.js';
import { openPglite } from '../src/db/pglite-engine.js';
import { openPostgres, redactUrl } from '../src/db/postgres-engine.js';
import { generateDataset, type Dataset } from './generate.js';
import { DEFAULT_LOAD_OPTIONS, insertDataset, rollUpCycle, verifyCycle } from './load.js';
import { benchContext, measureOp, measurePair, OP_LABELS, OP_NAMES, OPS, type OpName, type Stats } from './measure.js';
import { openProfiled, profileOp, type OpProfile } from './profile.js';
import { comparisonCases, compareQueries, type Comparison } from './compare.js';
import { measureClose, type CloseResult } from './close.js';
import { INGEST_TARGET_PER_SECOND, measureIngest, type IngestResult } from './kpi-ingest.js';
import { seedIngestTargets } from './kpis.js';
import type { ExportResult } from './export-child.js';
import { runTagged } from './tagged-child.js';
import { FLOORS, RATIO_TARGETS } from './floors.js';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const ENGINE_NAMES: Record<EngineKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
/** Targets on the server, p95 in ms. */
const TARGETS: Partial<Record<OpName, number>> = {
  teamPage: 10,
  treeLevel: 10,
  checkInWrite: 15,
  lessonsSearch: 20,
  evaluation: 150,
  adoption: 200,
  surveyResults: 100,
  teamChanges: 100,
  cycleChanges: 2_000,
  weeklyAgenda: 50,
  kpiBoard: 30,
  mapNeighbours: 50,
  departmentMap: 100,
  heatmap: 100,
};
/** Issue 18: the whole organisation's export streams in under 2 minutes; a 5,000-row import (dry run, apply) under 20 s each. */
const EXPORT_TARGET_MS = 120_000;
const IMPORT_TARGET_MS = 20_000;

interface ImportResult {
  rows: number;
  dryRunMs: number;
  applyMs: number;
  reimportMs: number;
  errors: number;
  unchanged: number;
  peakRssMb: number;
}

interface Options {
  scale: number;
  engines: EngineKind[];
  iterations: number;
  writeIterations: number | null;
  wholeTreeIterations: number;
  compare: boolean;
  analyzeRerun: boolean;
  warmup: number;
  /** Further warm-up of a read measured against its floor, in ms (0: the fixed calls only). */
  warmupMs: number;
  seed: number;
  out: string;
  analyze: 'auto' | 'on' | 'off';
  afterLoadSql: string | null;
  profile: boolean;
  profileCalls: number;
  keep: boolean;
  /** The operations to measure (all by default), and whether to close the active cycle at the end. */
  ops: OpName[];
  close: boolean;
  /** Lessons in the library (one per objective when not given: 50,000 at scale 1). */
  lessons: number | null;
  /** Seconds of pushed values (0: none), pushers at once, KPIs pushed to (each also a key result with its own token). */
  ingestSeconds: number;
  ingestConcurrency: number;
  ingestKpis: number;
  /** The whole organisation's export, in a process of its own; the spreadsheet import's rows (0: not run). */
  export: boolean;
  importRows: number;
}

interface EngineResult {
  engine: EngineKind;
  serverVersion: string;
  node: string;
  location: string;
  scale: number;
  counts: Record<string, number>;
  load: { generateMs: number; insertMs: number; rollupMs: number; analyzeMs: number; analyzed: boolean; totalMs: number };
  databaseBytes: number;
  peakRssAfterLoadMb: number;
  peakRssMb: number;
  measurements: Partial<Record<OpName, Stats>>;
  /** The same calls answered by the floor's hand-written statement (bench/floors.ts), measured right after each operation. */
  floors: Partial<Record<OpName, Stats>>;
  verify: Awaited<ReturnType<typeof verifyCycle>> | null;
  profiles: OpProfile[];
  comparisons: Comparison[];
  close: CloseResult | null;
  ingest: IngestResult | null;
  exported: ExportResult | null;
  /** PGlite only: measured again after a plain ANALYZE (it has no autovacuum to run one). */
  afterAnalyze: {
    analyzeMs: number;
    reopened: Partial<Record<OpName, Stats>>;
    measurements: Partial<Record<OpName, Stats>>;
    comparisons: Comparison[];
  } | null;
}

function parseOptions(argv: string[]): Options & { child: EngineKind | null; result: string | null; database: string | null } {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      engines: { type: 'string', default: 'pglite,postgres' },
      iterations: { type: 'string', default: '200' },
      'write-iterations': { type: 'string' },
      'whole-tree-iterations': { type: 'string', default: '3' },
      'no-compare': { type: 'boolean', default: false },
      'no-analyze-rerun': { type: 'boolean', default: false },
      warmup: { type: 'string', default: '20' },
      'warmup-ms': { type: 'string', default: '2000' },
      seed: { type: 'string', default: '20251119' },
      out: { type: 'string', default: 'tmp/bench' },
      analyze: { type: 'string', default: 'auto' },
      'after-load-sql': { type: 'string' },
      'no-profile': { type: 'boolean', default: false },
      'profile-calls': { type: 'string', default: '30' },
      keep: { type: 'boolean', default: false },
      ops: { type: 'string' },
      'no-close': { type: 'boolean', default: false },
      lessons: { type: 'string' },
      'ingest-seconds': { type: 'string', default: '20' },
      'ingest-concurrency': { type: 'string', default: '8' },
      'ingest-kpis': { type: 'string', default: '200' },
      'no-export': { type: 'boolean', default: false },
      'import-rows': { type: 'string', default: '5000' },
      child: { type: 'string' },
      result: { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'node --import tsx bench/run.ts [--scale 1] [--engines pglite,postgres] [--iterations 200] [--write-iterations N]\n' +
        '  [--whole-tree-iterations 3] [--warmup 20] [--warmup-ms 2000] [--seed N] [--out tmp/bench] [--analyze auto|on|off]\n' +
        '  [--after-load-sql file.sql] [--no-profile] [--profile-calls 30] [--no-compare] [--no-analyze-rerun] [--keep]\n' +
        `  [--ops ${OP_NAMES.join(',')}] [--no-close] [--lessons 50000]\n` +
        '  [--ingest-seconds 20] [--ingest-concurrency 8] [--ingest-kpis 200] [--no-export] [--import-rows 5000]\n' +
        'PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).\n',
    );
    process.exit(0);
  }
  const number = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return n;
  };
  const engines = values.engines
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const e of engines) if (e !== 'pglite' && e !== 'postgres') throw new Error(`unknown engine ${e} (pglite, postgres)`);
  const ops = (values.ops ?? OP_NAMES.join(','))
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of ops) if (!(OP_NAMES as readonly string[]).includes(o)) throw new Error(`unknown operation ${o} (${OP_NAMES.join(', ')})`);
  if (!['auto', 'on', 'off'].includes(values.analyze)) throw new Error('--analyze must be auto, on or off');
  const child = values.child ?? null;
  if (child !== null && child !== 'pglite' && child !== 'postgres') throw new Error(`unknown engine ${child}`);
  return {
    scale: number('scale', values.scale, 0),
    engines: engines as EngineKind[],
    iterations: number('iterations', values.iterations, 1),
    writeIterations: values['write-iterations'] === undefined ? null : number('write-iterations', values['write-iterations'], 1),
    wholeTreeIterations: number('whole-tree-iterations', values['whole-tree-iterations'], 0),
    compare: !values['no-compare'],
    analyzeRerun: !values['no-analyze-rerun'],
    warmup: number('warmup', values.warmup, 0),
    warmupMs: number('warmup-ms', values['warmup-ms'], 0),
    seed: number('seed', values.seed, 0),
    out: values.out,
    analyze: values.analyze as Options['analyze'],
    afterLoadSql: values['after-load-sql'] ?? null,
    profile: !values['no-profile'],
    profileCalls: number('profile-calls', values['profile-calls'], 1),
    keep: values.keep,
    ops: ops as OpName[],
    close: !values['no-close'],
    lessons: values.lessons === undefined ? null : number('lessons', values.lessons, 0),
    ingestSeconds: number('ingest-seconds', values['ingest-seconds'], 0),
    ingestConcurrency: number('ingest-concurrency', values['ingest-concurrency'], 1),
    ingestKpis: number('ingest-kpis', values['ingest-kpis'], 1),
    export: !values['no-export'],
    importRows: number('import-rows', values['import-rows'], 0),
    child,
    result: values.result ?? null,
    database: values.database ?? null,
  };
}

const log = (message: string) => process.stdout.write(`${message}\n`);
const mb = (kb: number) => Math.round(kb / 1024);
const peakRssMb = () => mb(process.resourceUsage().maxRSS);
const elapsed = (since: number) => performance.now() - since;

function databaseUrl(name: string): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? DEFAULT_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? DEFAULT_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** One engine, start to end, in this (child) process. */
async function runEngine(kind: EngineKind, options: Options, databaseName: string | null): Promise<EngineResult> {
  let t = performance.now();
  // Only this holder keeps the generated data set (about 0.45 GB at full scale); it is let go once
  // loaded, so that the measured calls see a heap like a server's, not the generator's.
  let data: Dataset | null = generateDataset(options.scale, options.seed);
  const generateMs = elapsed(t);
  const counts = {
    people: data.users.length,
    teams: data.teams.length,
    teamMemberships: data.memberships.length,
    cycles: data.cycles.length,
    objectives: data.objectives.length,
    keyResults: data.keyResults.length,
    alignments: data.alignments.length,
    checkIns: data.checkIns.count,
  };
  log(
    `[${kind}] generated in ${(generateMs / 1000).toFixed(1)} s: ${Object.entries(counts)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}`,
  );

  let handle: DatabaseHandle;
  let location: string;
  let pgliteRoot: string | null = null;
  if (kind === 'pglite') {
    pgliteRoot = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
    location = join(pgliteRoot, 'data');
    handle = await openPglite(location);
  } else {
    if (!databaseName) throw new Error('no database name');
    await adminQuery(`create database "${databaseName}"`);
    location = databaseUrl(databaseName);
    handle = await openPostgres(location);
  }
  const cleanup = async () => {
    if (options.keep) {
      log(`[${kind}] kept: ${kind === 'pglite' ? location : redactUrl(location)}`);
      return;
    }
    if (pgliteRoot) rmSync(pgliteRoot, { recursive: true, force: true });
    if (kind === 'postgres' && databaseName) await adminQuery(`drop database if exists "${databaseName}" with (force)`);
  };

  let open = true;
  try {
    await handle.migrate();
    const db = handle.db;
    const [version] = await queryRows<{ version: string }>(db, sql`select version()`);

    t = performance.now();
    await insertDataset(db, data, { ...DEFAULT_LOAD_OPTIONS, log: (m) => log(`[${kind}] ${m}`) });
    const insertMs = elapsed(t);
    log(`[${kind}] inserted in ${(insertMs / 1000).toFixed(1)} s`);

    t = performance.now();
    for (const cycle of data.cycles) {
      const n = await rollUpCycle(db, data.org.id, cycle.id, DEFAULT_LOAD_OPTIONS.batchRows);
      log(`[${kind}]   rolled up ${cycle.name}: ${n.objectives} objectives, ${n.keyResults} key results`);
    }
    // The loader writes closed cycles directly (no close service): their evaluation figures are stored as a close would.
    await db.execute(sql`select refresh_closed_cycle_figures(org_id, id) from cycles where org_id = ${data.org.id} and status = 'closed'`);
    const rollupMs = elapsed(t);
    log(`[${kind}] rolled up in ${(rollupMs / 1000).toFixed(1)} s`);

    // A server's autovacuum analyzes a freshly loaded table within a minute or so; PGlite runs no
    // autovacuum, so by default it is measured with the statistics it would really have: none.
    const analyzed = options.analyze === 'on' || (options.analyze === 'auto' && kind === 'postgres');
    t = performance.now();
    if (analyzed) await db.execute(sql`vacuum analyze`);
    const analyzeMs = elapsed(t);
    if (analyzed) log(`[${kind}] vacuum analyze in ${(analyzeMs / 1000).toFixed(1)} s`);

    if (options.afterLoadSql) {
      const text = readFileSync(options.afterLoadSql, 'utf8');
      for (const statement of text
        .split(/;\s*$/m)
        .map((s) => s.trim())
        .filter(Boolean)) {
        log(`[${kind}] after load: ${statement}`);
        await db.execute(sql.raw(statement));
      }
    }
    const [size] = await queryRows<{ bytes: string }>(db, sql`select pg_database_size(current_database())::text as bytes`);
    const peakRssAfterLoadMb = peakRssMb();
    log(`[${kind}] database ${(Number(size?.bytes ?? 0) / 1024 / 1024).toFixed(0)} MB, peak RSS so far ${peakRssAfterLoadMb} MB`);

    const ctx = await benchContext(db, data, options.lessons);
    const adminId = data.users[0]!.id;
    const cases = options.compare ? comparisonCases(data) : [];
    data = null;
    global.gc?.(); // the child runs with --expose-gc
    log(`[${kind}] data set let go: heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB before measuring`);
    // Each round draws its own teams, objectives and key results: a write that repeated an earlier
    // round's value on the same key result would change no progress and propagate nothing.
    const floors: Partial<Record<OpName, Stats>> = {};
    const measureAll = async (on: DatabaseHandle['db'], label: string, includeWholeTree: boolean, round: number) => {
      const measured: Partial<Record<OpName, Stats>> = {};
      for (const [i, name] of OP_NAMES.entries()) {
        if (!options.ops.includes(name)) continue;
        const write = name === 'checkInWrite';
        const whole = name === 'wholeTree';
        // The whole cycle's changes take up to seconds a call: a few runs tell its p95.
        const slow = name === 'cycleChanges';
        if (whole && (options.wholeTreeIterations === 0 || !includeWholeTree)) continue;
        const iterations = whole
          ? options.wholeTreeIterations
          : slow
            ? Math.min(10, options.iterations)
            : write
              ? (options.writeIterations ?? (kind === 'pglite' ? Math.min(50, options.iterations) : options.iterations))
              : options.iterations;
        const warmup = whole || slow ? 1 : write ? Math.min(options.warmup, 10) : options.warmup;
        // A read measured against its floor is measured warm, as a server answers it (bench/measure.ts, warmFor).
        const warmupMs = !write && FLOORS[name] ? options.warmupMs : 0;
        const measureOptions = { warmup, warmupMs, iterations, seed: options.seed + i + 1_000 * round };
        const floor = label === '' ? FLOORS[name] : undefined;
        // With a floor, the two are measured call by call in turn (bench/measure.ts, measurePair).
        const [stats, floorStats] = floor
          ? await measurePair(on, ctx, OPS[name], floor, measureOptions)
          : [await measureOp(on, ctx, OPS[name], measureOptions), undefined];
        measured[name] = stats;
        if (floorStats) {
          floors[name] = floorStats;
          log(
            `[${kind}] ${name} floor: p50 ${floorStats.p50.toFixed(2)} ms, p95 ${floorStats.p95.toFixed(2)} ms (${floorStats.meanRows.toFixed(1)} rows/call)`,
          );
        }
        log(
          `[${kind}]${label} ${name}: p50 ${stats.p50.toFixed(2)} ms, p95 ${stats.p95.toFixed(2)} ms, max ${stats.max.toFixed(2)} ms (${iterations} runs, ${stats.meanRows.toFixed(1)} rows/call, load ${stats.loadBefore.toFixed(2)}→${stats.loadAfter.toFixed(2)}, GC in ${stats.callsWithGc} calls, ${stats.gcMs.toFixed(1)} ms)`,
        );
      }
      return measured;
    };
    const compareAll = async (on: DatabaseHandle['db'], label: string) => {
      if (!options.compare) return [];
      t = performance.now();
      const compared = await compareQueries(on, cases);
      log(`[${kind}]${label} compared query rewrites in ${(elapsed(t) / 1000).toFixed(1)} s`);
      return compared;
    };
    const measurements = await measureAll(db, '', true, 0);

    // Pushed values after the measured operations; the roll-up check below covers the check-ins they made.
    let ingest: IngestResult | null = null;
    if (options.ingestSeconds > 0) {
      const targets = await seedIngestTargets(db, ctx.orgId, ctx.deepKeyResults, options.ingestKpis, ctx.today);
      ingest = await measureIngest(db, ctx, targets, {
        seconds: options.ingestSeconds,
        concurrency: options.ingestConcurrency,
        seed: options.seed + 7_000,
      });
      log(
        `[${kind}] ingest: ${ingest.pushed} values in ${ingest.seconds.toFixed(1)} s by ${ingest.concurrency} pushers = ${ingest.perSecond.toFixed(0)}/s (slowest second ${ingest.slowestSecond}), p50 ${ingest.p50.toFixed(1)} ms, p95 ${ingest.p95.toFixed(1)} ms, ${ingest.errors} errors${ingest.firstError ? ` (${ingest.firstError})` : ''}, ${ingest.followedCheckIns} followed check-ins (caught up ${ingest.settledAfterMs.toFixed(0)} ms after the last push), ${ingest.proposals} proposals, load ${ingest.loadBefore.toFixed(2)}→${ingest.loadAfter.toFixed(2)}`,
      );
    }

    t = performance.now();
    const verify = await verifyCycle(db, ctx.orgId, ctx.cycle.id, ctx.today);
    log(
      `[${kind}] roll-ups after the writes vs recomputed (${(elapsed(t) / 1000).toFixed(1)} s): ${verify.objectivesOff}/${verify.objectives} objectives and ${verify.keyResultsOff}/${verify.keyResults} key results differ`,
    );

    await handle.close();
    open = false;
    // The export in a process of its own, so that its peak memory is measured apart from the generator's.
    let exported: ExportResult | null = null;
    if (options.export) {
      exported = await runTagged<ExportResult>(
        './export-child.ts',
        ['--engine', kind, '--location', location, '--org', ctx.orgId, '--user', adminId],
        'EXPORT_RESULT',
        `[${kind}] export:`,
      );
      if (exported)
        log(
          `[${kind}] exported the organisation: ${(exported.bytes / 1024 / 1024).toFixed(0)} MB, ${exported.rows.toLocaleString('en')} writes in ${(exported.ms / 1000).toFixed(1)} s, peak RSS ${exported.peakRssMb} MB (${exported.rssBeforeMb} MB before it began)`,
        );
    }
    const profiles: OpProfile[] = [];
    if (options.profile) {
      t = performance.now();
      const profiled = await openProfiled(kind, location);
      try {
        for (const [i, name] of OP_NAMES.entries()) {
          if (!options.ops.includes(name) || name === 'roundTrip' || (name === 'wholeTree' && options.wholeTreeIterations === 0)) continue;
          const calls = name === 'wholeTree' ? Math.min(2, options.profileCalls) : options.profileCalls;
          profiles.push(await profileOp(profiled, ctx, name, OPS[name], calls, options.seed + 100 + i, name === 'wholeTree' ? 1 : 5));
        }
      } finally {
        await profiled.close();
      }
      log(`[${kind}] profiled in ${(elapsed(t) / 1000).toFixed(1)} s`);
    }

    // Then, on a fresh connection: the query rewrites, and for PGlite (measured as it is in use,
    // never analyzed) the same measurements again before and after an ANALYZE.
    handle = kind === 'pglite' ? await openPglite(location) : await openPostgres(location);
    open = true;
    let comparisons: Comparison[] = [];
    let afterAnalyze: EngineResult['afterAnalyze'] = null;
    if (kind === 'pglite' && !analyzed && options.analyzeRerun) {
      const reopened = await measureAll(handle.db, ' reopened, before ANALYZE:', false, 1);
      comparisons = await compareAll(handle.db, '');
      t = performance.now();
      await handle.db.execute(sql`analyze`);
      const ms = elapsed(t);
      log(`[${kind}] analyze in ${(ms / 1000).toFixed(1)} s, measuring again`);
      afterAnalyze = {
        analyzeMs: ms,
        reopened,
        measurements: await measureAll(handle.db, ' after ANALYZE:', false, 2),
        comparisons: await compareAll(handle.db, ' after ANALYZE:'),
      };
    } else {
      comparisons = await compareAll(handle.db, '');
    }
    // Last, as a cycle closes once: everything above measured it open.
    let close: CloseResult | null = null;
    if (options.close) {
      close = await measureClose(handle.db, ctx, adminId);
      log(
        `[${kind}] closed ${ctx.cycle.name} (${close.objectives.toLocaleString('en')} objectives) in ${(close.ms / 1000).toFixed(1)} s; ${close.unscored} left unscored`,
      );
    }
    await handle.close();
    open = false;
    return {
      engine: kind,
      serverVersion: version?.version ?? '?',
      node: process.version,
      location: kind === 'pglite' ? location : redactUrl(location),
      scale: options.scale,
      counts,
      load: { generateMs, insertMs, rollupMs, analyzeMs, analyzed, totalMs: generateMs + insertMs + rollupMs + analyzeMs },
      databaseBytes: Number(size?.bytes ?? 0),
      peakRssAfterLoadMb,
      peakRssMb: peakRssMb(),
      measurements,
      floors,
      verify,
      profiles,
      comparisons,
      close,
      ingest,
      exported,
      afterAnalyze,
    };
  } finally {
    if (open) await handle.close().catch(() => undefined);
    await cleanup();
  }
}

function runChild(kind: EngineKind, argv: string[], resultFile: string, databaseName: string): Promise<number> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      // BENCH_CHILD_NODE_FLAGS: flags for the engine's process that NODE_OPTIONS refuses, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof".
      [
        '--expose-gc',
        ...(process.env.BENCH_CHILD_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        script,
        ...argv,
        '--child',
        kind,
        '--result',
        resultFile,
        '--database',
        databaseName,
      ],
      { stdio: 'inherit' },
    );
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;

function report(results: EngineResult[], options: Options, imported: ImportResult | null): string {
  const lines: string[] = [];
  const first = results[0];
  if (!first) return 'No results.\n';
  lines.push(`## Benchmark at scale ${options.scale}`, '');
  lines.push(
    `Data: ${Object.entries(first.counts)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}.`,
    '',
  );
  lines.push(`Node ${first.node}; ${results.map((r) => `${ENGINE_NAMES[r.engine]}: ${r.serverVersion.split(' on ')[0]}`).join('; ')}.`, '');
  lines.push('| | ' + results.map((r) => ENGINE_NAMES[r.engine]).join(' | ') + ' |');
  lines.push('|---|' + results.map(() => '---:').join('|') + '|');
  const row = (label: string, f: (r: EngineResult) => string) => lines.push(`| ${label} | ${results.map(f).join(' | ')} |`);
  row('Generate', (r) => seconds(r.load.generateMs));
  row('Insert', (r) => seconds(r.load.insertMs));
  row('Roll-up', (r) => seconds(r.load.rollupMs));
  row('VACUUM ANALYZE', (r) => (r.load.analyzed ? seconds(r.load.analyzeMs) : 'not run'));
  row('Database size', (r) => `${Math.round(r.databaseBytes / 1024 / 1024)} MB`);
  row('Peak RSS after load (bench process)', (r) => `${r.peakRssAfterLoadMb} MB`);
  row('Peak RSS at the end (bench process)', (r) => `${r.peakRssMb} MB`);
  row('Close of the active cycle (target < 10 s)', (r) =>
    r.close ? `${seconds(r.close.ms)} (${r.close.objectives.toLocaleString('en')} objectives, ${r.close.unscored} unscored)` : 'not run',
  );
  row(`Pushed values per second, sustained (target ≥ ${INGEST_TARGET_PER_SECOND} on the server)`, (r) =>
    r.ingest
      ? `${r.ingest.perSecond.toFixed(0)}/s, slowest second ${r.ingest.slowestSecond} (${r.ingest.pushed} in ${r.ingest.seconds.toFixed(0)} s, ${r.ingest.concurrency} pushers, p95 ${ms(r.ingest.p95)} ms, ${r.ingest.errors} errors, followers caught up ${ms(r.ingest.settledAfterMs)} ms after the last push, load ${r.ingest.loadBefore.toFixed(1)}–${r.ingest.loadAfter.toFixed(1)})`
      : 'not run',
  );
  row(`Export of the whole organisation (target < ${EXPORT_TARGET_MS / 1000} s, streamed)`, (r) =>
    r.exported
      ? `${seconds(r.exported.ms)}, ${Math.round(r.exported.bytes / 1024 / 1024)} MB, peak RSS ${r.exported.peakRssMb} MB (${r.exported.rssBeforeMb} MB before)`
      : 'not run',
  );
  lines.push('');
  if (imported)
    lines.push(
      `Spreadsheet import of ${imported.rows.toLocaleString('en')} rows on PGlite (target < ${IMPORT_TARGET_MS / 1000} s each): dry run ${seconds(imported.dryRunMs)}, apply ${seconds(imported.applyMs)}, re-import of the same file ${seconds(imported.reimportMs)} (${imported.unchanged} rows unchanged), ${imported.errors} row errors, peak RSS ${imported.peakRssMb} MB.`,
      '',
    );
  lines.push('| p95 (p50) in ms | ' + results.map((r) => ENGINE_NAMES[r.engine]).join(' | ') + ' | Target on the server (p95) |');
  lines.push('|---|' + results.map(() => '---:').join('|') + '|---|');
  for (const name of OP_NAMES) {
    const target = TARGETS[name];
    const server = results.find((r) => r.engine === 'postgres')?.measurements[name];
    const verdict =
      target === undefined ? '–' : server ? `≤ ${target} ms: ${server.p95 <= target ? 'met' : '**not met**'}` : `≤ ${target} ms`;
    lines.push(
      `| ${OP_LABELS[name]} | ${results.map((r) => `${ms(r.measurements[name]?.p95)} (${ms(r.measurements[name]?.p50)})`).join(' | ')} | ${verdict} |`,
    );
  }
  lines.push(...floorTable(results));
  for (const r of results) {
    lines.push('', `${ENGINE_NAMES[r.engine]} in detail:`, '');
    lines.push(
      '| ms | min | p50 | p95 | max | mean | runs | objectives per call | load avg (1 min) | calls with a GC pause (GC ms) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const name of OP_NAMES) {
      const s = r.measurements[name];
      if (!s) continue;
      lines.push(
        `| ${name} | ${ms(s.min)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${ms(s.mean)} | ${s.iterations} | ${s.meanRows.toFixed(1)} | ${s.loadBefore.toFixed(1)}–${s.loadAfter.toFixed(1)} | ${s.callsWithGc ?? '–'} (${s.gcMs?.toFixed(1) ?? '–'}) |`,
      );
    }
    if (r.afterAnalyze) {
      lines.push(
        '',
        `${ENGINE_NAMES[r.engine]} reopened and measured again, before and after a plain ANALYZE (${seconds(r.afterAnalyze.analyzeMs)}):`,
        '',
      );
      lines.push('| ms | before: p50 | p95 | max | after ANALYZE: p50 | p95 | max | runs |', '|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const name of OP_NAMES) {
        const b = r.afterAnalyze.reopened[name];
        const a = r.afterAnalyze.measurements[name];
        if (a && b)
          lines.push(
            `| ${name} | ${ms(b.p50)} | ${ms(b.p95)} | ${ms(b.max)} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(a.max)} | ${a.iterations} |`,
          );
      }
    }
    if (r.verify)
      lines.push(
        '',
        `After the writes${r.ingest ? ` and ${r.ingest.followedCheckIns} check-ins of key results following pushed KPIs` : ''}, ${r.verify.objectivesOff} of ${r.verify.objectives} objectives and ${r.verify.keyResultsOff} of ${r.verify.keyResults} key results of the active cycle differ from a recomputation from scratch.`,
      );
  }
  const comparisonSets = results.flatMap((r) => [
    { title: ENGINE_NAMES[r.engine], list: r.comparisons },
    { title: `${ENGINE_NAMES[r.engine]} after ANALYZE`, list: r.afterAnalyze?.comparisons ?? [] },
  ]);
  for (const set of comparisonSets) {
    if (set.list.length === 0) continue;
    lines.push('', `### Query rewrites compared on ${set.title}`, '');
    for (const c of set.list) {
      lines.push(
        `**${c.title}** (${c.samples} samples${c.sameResults ? ', same results' : ', RESULTS DIFFER'}):`,
        '',
        '| variant | execution ms | wall ms |',
        '|---|---:|---:|',
      );
      for (const v of c.variants) lines.push(`| ${v.name} | ${ms(v.executionMs)} | ${ms(v.wallMs)} |`);
      lines.push('');
      for (const v of c.variants)
        lines.push('```', `-- ${v.name}`, ...v.planHead.map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l)), '```');
    }
  }
  for (const r of results) {
    if (r.profiles.length === 0) continue;
    lines.push('', `### Where the time goes on ${ENGINE_NAMES[r.engine]} (${r.profiles[0]!.calls} profiled calls each)`, '');
    lines.push(
      'Wall = as the client sees it (round trip, waiting for a core, handling the rows); execution = EXPLAIN ANALYZE "Execution Time", mean of up to 5 sampled executions.',
      '',
    );
    for (const p of r.profiles) {
      lines.push(
        `**${p.op}**: mean ${ms(p.meanMs)} ms wall, ${p.statementsPerCall.toFixed(1)} statements per call, of which ${ms(p.executionMsPerCall)} ms execution in the database.`,
        '',
      );
      lines.push('| share of wall | per call | wall ms | execution ms | statement |', '|---:|---:|---:|---:|---|');
      for (const s of p.statements.slice(0, 10))
        lines.push(
          `| ${(s.share * 100).toFixed(0)}% | ${s.perCall.toFixed(1)} | ${ms(s.meanMs)} | ${s.executionMs === null ? '–' : ms(s.executionMs)} | \`${s.sql.replace(/\s+/g, ' ').slice(0, 200).replace(/\|/g, '\\|')}\` |`,
        );
      if (p.explained)
        lines.push(
          '',
          '```',
          `EXPLAIN (ANALYZE, BUFFERS) ${p.explained.sql.replace(/\s+/g, ' ')}`,
          `-- params: ${JSON.stringify(p.explained.params).slice(0, 300)}`,
          ...p.explained.plan.map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)),
          '```',
          '',
        );
    }
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (options.child) {
    const result = await runEngine(options.child, options, options.database);
    if (!options.result) throw new Error('--result is required with --child');
    writeFileSync(options.result, JSON.stringify(result));
    return;
  }
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const results: EngineResult[] = [];
  let failed = false;
  for (const kind of options.engines) {
    const resultFile = join(out, `result-${kind}-${process.pid}.json`);
    const databaseName = `cairn_bench_${randomBytes(5).toString('hex')}`;
    log(`== ${ENGINE_NAMES[kind]} at scale ${options.scale}${kind === 'postgres' ? ` on ${redactUrl(databaseUrl(databaseName))}` : ''}`);
    const code = await runChild(kind, argv, resultFile, databaseName);
    if (kind === 'postgres' && !options.keep)
      await adminQuery(`drop database if exists "${databaseName}" with (force)`).catch(() => undefined);
    if (code !== 0) {
      log(`${ENGINE_NAMES[kind]} failed (exit ${code})`);
      failed = true;
      continue;
    }
    results.push(JSON.parse(readFileSync(resultFile, 'utf8')) as EngineResult);
    rmSync(resultFile, { force: true });
  }
  let imported: ImportResult | null = null;
  if (options.importRows > 0) {
    log(`== Spreadsheet import of ${options.importRows} rows (PGlite in memory)`);
    imported = await runTagged<ImportResult>('./import.ts', ['--rows', String(options.importRows)], 'IMPORT_RESULT', '[import]');
    if (!imported) failed = true;
  }
  const text = report(results, options, imported);
  const base = join(out, `scale-${options.scale}`);
  writeFileSync(`${base}.md`, text);
  writeFileSync(`${base}.json`, JSON.stringify(results, null, 2));
  log('');
  log(text);
  log(`Written to ${base}.md and ${base}.json`);
  if (failed) process.exitCode = 1;
}

await main();

/** Each operation beside its floor (bench/floors.ts) on each engine: p95 against p95, with the issue's ratio target. */
function floorTable(results: EngineResult[]): string[] {
  const names = OP_NAMES.filter((name) => results.some((r) => r.floors?.[name]));
  if (names.length === 0) return [];
  const lines = [
    '',
    'Against the floor (the same calls answered by one hand-written statement on the same indexes; for the write, the bare insert in a transaction), the two measured call by call in turn after their warm-up:',
    '',
    '| p95 (p50) in ms | ' +
      results.map((r) => `${ENGINE_NAMES[r.engine]}: operation | floor | ratio`).join(' | ') +
      ' | Ratio target on the server |',
    '|---|' + results.map(() => '---:|---:|---:').join('|') + '|---|',
  ];
  for (const name of names) {
    const cells = results.map((r) => {
      const op = r.measurements[name];
      const floor = r.floors?.[name];
      if (!op || !floor) return '– | – | –';
      const rows = op.meanRows === floor.meanRows ? '' : ` (rows ${op.meanRows.toFixed(1)} vs ${floor.meanRows.toFixed(1)})`;
      return `${ms(op.p95)} (${ms(op.p50)}) | ${ms(floor.p95)} (${ms(floor.p50)}) | ${(op.p95 / floor.p95).toFixed(1)}×${rows}`;
    });
    const target = RATIO_TARGETS[name];
    const server = results.find((r) => r.engine === 'postgres');
    const ratio = server?.measurements[name] && server.floors?.[name] ? server.measurements[name].p95 / server.floors[name].p95 : null;
    const verdict =
      target === undefined ? '–' : ratio === null ? `≤ ${target}×` : `≤ ${target}×: ${ratio <= target ? 'met' : '**not met**'}`;
    lines.push(`| ${name} | ${cells.join(' | ')} | ${verdict} |`);
  }
  return lines;
}

/**
 * Where the time of each operation goes: the operations run again on a connection whose drizzle
 * logger stamps every statement as it is sent. Calls are sequential, so a statement's share is the
 * time until the next statement (or the end of the call): its round trip plus the JavaScript that
 * handles its rows (for the last one also PGlite's commit, which is not sent through drizzle there). The slowest statement of each operation is then run under EXPLAIN ANALYZE,
 * inside a transaction that is rolled back, with the parameters it was sent with.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../src/db/pglite-extensions.js';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { schema, type Database, type EngineKind } from '../src/db/database.js';
import type { BenchContext, Op, OpName } from './measure.js';
import { Rng } from './rng.js';

interface Stamp {
  at: number;
  sql: string;
  params: unknown[];
}

class StampingLogger implements Logger {
  stamps: Stamp[] = [];
  logQuery(query: string, params: unknown[]): void {
    this.stamps.push({ at: performance.now(), sql: query, params });
  }
}

export interface StatementShare {
  sql: string;
  /** Executions per call of the operation. */
  perCall: number;
  /** Wall time per execution as the client sees it (round trip, scheduling, handling the rows). */
  meanMs: number;
  /** Share of the operation's wall time. */
  share: number;
  /** Mean "Execution Time" of EXPLAIN ANALYZE over the sampled executions (null: not explained). */
  executionMs: number | null;
  planningMs: number | null;
}

export interface OpProfile {
  op: OpName;
  calls: number;
  meanMs: number;
  statementsPerCall: number;
  /** Sum over statements of executions per call × mean execution time: the database's own work. */
  executionMsPerCall: number;
  statements: StatementShare[];
  /** The plan of the statement with the most execution time per call, at its slowest sampled execution. */
  explained?: { sql: string; params: unknown[]; executionMs: number; plan: string[] };
}

const TAIL = '(JavaScript before the first statement)';
const NOT_EXPLAINED = /^(begin|commit|rollback|select pg_advisory_xact_lock)/i;

export interface ProfiledDatabase {
  db: Database;
  logger: StampingLogger;
  explain(sql: string, params: unknown[]): Promise<string[]>;
  close(): Promise<void>;
}

/** A second connection to the same data, with the stamping logger (PGlite: the handle must be closed first). */
export async function openProfiled(kind: EngineKind, location: string): Promise<ProfiledDatabase> {
  const logger = new StampingLogger();
  if (kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location, max: 2, options: '-c jit=off' });
    return {
      db: drizzlePostgres({ client: pool, schema, logger }) as unknown as Database,
      logger,
      async explain(text, params) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params);
          return result.rows.map((r) => r['QUERY PLAN']);
        } finally {
          await client.query('rollback');
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const client = await PGlite.create(join(location, 'pg'), { extensions: PGLITE_EXTENSIONS });
  return {
    db: drizzlePglite({ client, schema, logger }) as unknown as Database,
    logger,
    async explain(text, params) {
      await client.query('begin');
      try {
        const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params);
        return result.rows.map((r) => r['QUERY PLAN']);
      } finally {
        await client.query('rollback');
      }
    },
    close: () => client.close(),
  };
}

/** One text per statement shape: drizzle spells an IN list with one placeholder per value. */
const shape = (sql: string) => sql.replace(/\(\$\d+(, \$\d+)+\)/g, '($…)');

const timeOf = (plan: string[], label: string): number => {
  const line = plan.find((l) => l.startsWith(`${label}:`));
  return line ? Number(/([\d.]+) ms/.exec(line)?.[1] ?? Number.NaN) : Number.NaN;
};

export async function profileOp(
  profiled: ProfiledDatabase,
  ctx: BenchContext,
  name: OpName,
  op: Op,
  calls: number,
  seed: number,
  explainPerStatement = 5,
): Promise<OpProfile> {
  const rng = new Rng(seed);
  await op(profiled.db, ctx, rng); // warm
  const byStatement = new Map<string, { count: number; total: number; samples: Stamp[] }>();
  let opTotal = 0;
  let statements = 0;
  for (let i = 0; i < calls; i++) {
    profiled.logger.stamps = [];
    const start = performance.now();
    await op(profiled.db, ctx, rng);
    const end = performance.now();
    opTotal += end - start;
    const stamps = profiled.logger.stamps;
    statements += stamps.length;
    stamps.forEach((stamp, k) => {
      const ms = (stamps[k + 1]?.at ?? end) - stamp.at;
      const entry = byStatement.get(shape(stamp.sql)) ?? { count: 0, total: 0, samples: [] };
      entry.count++;
      entry.total += ms;
      // Spread the samples over the calls: the first execution of each statement in each call.
      if (entry.samples.length < explainPerStatement && !entry.samples.some((s) => s.at >= start)) entry.samples.push(stamp);
      byStatement.set(shape(stamp.sql), entry);
    });
    if (stamps.length > 0) {
      const entry = byStatement.get(TAIL) ?? { count: 0, total: 0, samples: [] };
      entry.count++;
      entry.total += stamps[0]!.at - start;
      byStatement.set(TAIL, entry);
    }
  }
  const shares: StatementShare[] = [];
  let explained: OpProfile['explained'];
  let worstPerCall = -1;
  for (const [sql, entry] of byStatement) {
    let executionMs: number | null = null;
    let planningMs: number | null = null;
    if (sql !== TAIL && !NOT_EXPLAINED.test(sql) && entry.samples.length > 0) {
      let execution = 0;
      let planning = 0;
      let slowest: { plan: string[]; ms: number; sample: Stamp } | null = null;
      for (const sample of entry.samples) {
        const plan = await profiled.explain(sample.sql, sample.params);
        const ms = timeOf(plan, 'Execution Time');
        execution += ms;
        planning += timeOf(plan, 'Planning Time');
        if (!slowest || ms > slowest.ms) slowest = { plan, ms, sample };
      }
      executionMs = execution / entry.samples.length;
      planningMs = planning / entry.samples.length;
      const perCall = (entry.count / calls) * executionMs;
      if (slowest && perCall > worstPerCall) {
        worstPerCall = perCall;
        explained = { sql: slowest.sample.sql, params: slowest.sample.params, executionMs: slowest.ms, plan: slowest.plan };
      }
    }
    shares.push({
      sql,
      perCall: entry.count / calls,
      meanMs: entry.total / entry.count,
      share: entry.total / opTotal,
      executionMs,
      planningMs,
    });
  }
  shares.sort((a, b) => b.share - a.share);
  const executionMsPerCall = shares.reduce((sum, s) => sum + (s.executionMs ?? 0) * s.perCall, 0);
  return {
    op: name,
    calls,
    meanMs: opTotal / calls,
    statementsPerCall: statements / calls,
    executionMsPerCall,
    statements: shares,
    explained,
  };
}

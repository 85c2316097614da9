/**
 * Loads a generated data set into a migrated database, then computes the stored roll-up columns
 * once for everything, so that the data is consistent before anything is measured.
 *
 * Inserts are multi-row: each statement sends one array per column and unnests them
 * (`insert … select * from unnest($1::uuid[], $2::text[], …)`), a few thousand rows at a time,
 * several statements per transaction. The same SQL runs on PGlite and on a server.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { computeGraphProgress, type KeyResultProgress } from '../src/domain/index.js';
import { queryRows, type Database, type Executor } from '../src/db/database.js';
import { alignments, keyResults, objectives, type MilestoneRow } from '../src/db/schema/index.js';
import { cycleSnapshot } from '../src/server/services/okrs/cycle-graph.js';
import { measureOf, milestonesWithState } from '../src/server/services/okrs/measure.js';
import { BLOCKERS, isoOf, milestoneFlags, NOTES, type Dataset } from './generate.js';

type SqlType = 'uuid' | 'text' | 'date' | 'float8' | 'int4' | 'jsonb' | 'bool' | 'timestamptz';

interface Column {
  name: string;
  type: SqlType;
  value: (i: number) => string | number | boolean | null;
}

export interface LoadOptions {
  /** Rows per INSERT statement. */
  batchRows: number;
  /** Rows per transaction (a multiple of batchRows is sensible). */
  transactionRows: number;
  log: (message: string) => void;
}

export const DEFAULT_LOAD_OPTIONS: Omit<LoadOptions, 'log'> = { batchRows: 5_000, transactionRows: 50_000 };

function unnestInsert(table: string, columns: Column[], from: number, to: number): SQL {
  const arrays = columns.map((c) => {
    const values: (string | number | boolean | null)[] = new Array(to - from);
    for (let i = from; i < to; i++) values[i - from] = c.value(i);
    return sql`${sql.param(values)}::${sql.raw(c.type)}[]`;
  });
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  return sql`insert into ${sql.raw(`"${table}"`)} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`;
}

async function insertAll(db: Database, table: string, count: number, columns: Column[], options: LoadOptions): Promise<void> {
  for (let txStart = 0; txStart < count; txStart += options.transactionRows) {
    const txEnd = Math.min(count, txStart + options.transactionRows);
    await db.transaction(async (tx) => {
      for (let from = txStart; from < txEnd; from += options.batchRows)
        await tx.execute(unnestInsert(table, columns, from, Math.min(txEnd, from + options.batchRows)));
    });
  }
  options.log(`  ${table}: ${count.toLocaleString('en')} rows`);
}

const iso = (d: Date) => d.toISOString();

/** Inserts every row of the data set (progress columns left at their defaults). */
export async function insertDataset(db: Database, data: Dataset, options: LoadOptions): Promise<void> {
  const { org, users, teams, memberships, cycles, objectives: objs, keyResults: krs, alignments: links, contributors, checkIns } = data;
  const orgId = org.id;
  const created = new Date(Date.parse(`${cycles[0]!.startDate}T00:00:00Z`) - 30 * 86_400_000);
  const userId = (i: number) => users[i]!.id;

  await insertAll(
    db,
    'organizations',
    1,
    [
      { name: 'id', type: 'uuid', value: () => orgId },
      { name: 'name', type: 'text', value: () => org.name },
      { name: 'created_at', type: 'timestamptz', value: () => iso(created) },
    ],
    options,
  );
  await insertAll(
    db,
    'users',
    users.length,
    [
      { name: 'id', type: 'text', value: (i) => users[i]!.id },
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'name', type: 'text', value: (i) => users[i]!.name },
      { name: 'email', type: 'text', value: (i) => users[i]!.email },
      { name: 'email_verified', type: 'bool', value: () => true },
      { name: 'role', type: 'text', value: (i) => users[i]!.role },
      { name: 'title', type: 'text', value: (i) => users[i]!.title },
      { name: 'manager_id', type: 'text', value: (i) => users[i]!.managerId },
      { name: 'created_at', type: 'timestamptz', value: () => iso(created) },
      { name: 'updated_at', type: 'timestamptz', value: () => iso(created) },
    ],
    options,
  );
  await insertAll(
    db,
    'teams',
    teams.length,
    [
      { name: 'id', type: 'uuid', value: (i) => teams[i]!.id },
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'name', type: 'text', value: (i) => teams[i]!.name },
      { name: 'kind', type: 'text', value: (i) => teams[i]!.kind },
      { name: 'parent_id', type: 'uuid', value: (i) => (teams[i]!.parentIndex === null ? null : teams[teams[i]!.parentIndex!]!.id) },
      { name: 'check_in_cadence', type: 'text', value: (i) => teams[i]!.cadence },
      { name: 'created_at', type: 'timestamptz', value: () => iso(created) },
      { name: 'updated_at', type: 'timestamptz', value: () => iso(created) },
    ],
    options,
  );
  await insertAll(
    db,
    'team_members',
    memberships.length,
    [
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'team_id', type: 'uuid', value: (i) => teams[memberships[i]!.teamIndex]!.id },
      { name: 'user_id', type: 'text', value: (i) => userId(memberships[i]!.userIndex) },
      { name: 'role', type: 'text', value: (i) => memberships[i]!.role },
      { name: 'created_at', type: 'timestamptz', value: () => iso(created) },
    ],
    options,
  );
  await insertAll(
    db,
    'cycles',
    cycles.length,
    [
      { name: 'id', type: 'uuid', value: (i) => cycles[i]!.id },
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'name', type: 'text', value: (i) => cycles[i]!.name },
      { name: 'start_date', type: 'date', value: (i) => cycles[i]!.startDate },
      { name: 'end_date', type: 'date', value: (i) => cycles[i]!.endDate },
      { name: 'status', type: 'text', value: (i) => cycles[i]!.status },
      { name: 'closed_at', type: 'timestamptz', value: (i) => (cycles[i]!.closedAt ? iso(cycles[i]!.closedAt!) : null) },
    ],
    options,
  );
  await insertAll(
    db,
    'objectives',
    objs.length,
    [
      { name: 'id', type: 'uuid', value: (i) => objs[i]!.id },
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'cycle_id', type: 'uuid', value: (i) => cycles[objs[i]!.cycleIndex]!.id },
      { name: 'title', type: 'text', value: (i) => objs[i]!.title },
      { name: 'description', type: 'text', value: (i) => objs[i]!.description },
      { name: 'owner_id', type: 'text', value: (i) => userId(objs[i]!.ownerIndex) },
      { name: 'team_id', type: 'uuid', value: (i) => (objs[i]!.teamIndex === null ? null : teams[objs[i]!.teamIndex!]!.id) },
      { name: 'type', type: 'text', value: (i) => objs[i]!.type },
      { name: 'weight', type: 'float8', value: (i) => objs[i]!.weight },
      { name: 'progress_driver', type: 'text', value: (i) => objs[i]!.driver },
      { name: 'status', type: 'text', value: (i) => objs[i]!.status },
      { name: 'created_at', type: 'timestamptz', value: (i) => iso(objs[i]!.createdAt) },
      { name: 'updated_at', type: 'timestamptz', value: (i) => iso(objs[i]!.createdAt) },
    ],
    options,
  );
  await insertAll(
    db,
    'objective_contributors',
    contributors.length,
    [
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'objective_id', type: 'uuid', value: (i) => objs[contributors[i]!.objectiveIndex]!.id },
      { name: 'user_id', type: 'text', value: (i) => userId(contributors[i]!.userIndex) },
    ],
    options,
  );
  await insertAll(
    db,
    'key_results',
    krs.length,
    [
      { name: 'id', type: 'uuid', value: (i) => krs[i]!.id },
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'objective_id', type: 'uuid', value: (i) => objs[krs[i]!.objectiveIndex]!.id },
      { name: 'title', type: 'text', value: (i) => krs[i]!.title },
      { name: 'owner_id', type: 'text', value: (i) => userId(krs[i]!.ownerIndex) },
      { name: 'weight', type: 'float8', value: (i) => krs[i]!.weight },
      { name: 'kind', type: 'text', value: (i) => krs[i]!.kind },
      { name: 'unit', type: 'text', value: (i) => krs[i]!.unit },
      { name: 'start_value', type: 'float8', value: (i) => krs[i]!.startValue },
      { name: 'target_value', type: 'float8', value: (i) => krs[i]!.targetValue },
      { name: 'target_min', type: 'float8', value: (i) => krs[i]!.targetMin },
      { name: 'target_max', type: 'float8', value: (i) => krs[i]!.targetMax },
      { name: 'milestones', type: 'jsonb', value: (i) => (krs[i]!.milestones ? JSON.stringify(krs[i]!.milestones) : null) },
      { name: 'position', type: 'int4', value: (i) => krs[i]!.position },
      { name: 'created_at', type: 'timestamptz', value: (i) => iso(objs[krs[i]!.objectiveIndex]!.createdAt) },
      { name: 'updated_at', type: 'timestamptz', value: (i) => iso(objs[krs[i]!.objectiveIndex]!.createdAt) },
    ],
    options,
  );
  await insertAll(
    db,
    'alignments',
    links.length,
    [
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'child_objective_id', type: 'uuid', value: (i) => objs[links[i]!.childIndex]!.id },
      {
        name: 'parent_objective_id',
        type: 'uuid',
        value: (i) => (links[i]!.parentObjectiveIndex === null ? null : objs[links[i]!.parentObjectiveIndex!]!.id),
      },
      {
        name: 'parent_key_result_id',
        type: 'uuid',
        value: (i) => (links[i]!.parentKeyResultIndex === null ? null : krs[links[i]!.parentKeyResultIndex!]!.id),
      },
      { name: 'created_at', type: 'timestamptz', value: (i) => iso(objs[links[i]!.childIndex]!.createdAt) },
    ],
    options,
  );
  const c = checkIns;
  // The check-in digests (src/db/schema/evaluation.ts) are made once after the bulk load, in chunks of key results,
  // rather than by the trigger for every 5,000-row batch.
  await db.execute(sql`alter table check_ins disable trigger check_ins_digest_insert`);
  const stamp = (i: number) => iso(new Date((c.day[i]! * 1_440 + c.minute[i]!) * 60_000));
  await insertAll(
    db,
    'check_ins',
    c.count,
    [
      { name: 'org_id', type: 'uuid', value: () => orgId },
      { name: 'key_result_id', type: 'uuid', value: (i) => krs[c.keyResult[i]!]!.id },
      { name: 'author_id', type: 'text', value: (i) => userId(krs[c.keyResult[i]!]!.ownerIndex) },
      { name: 'as_of', type: 'date', value: (i) => isoOf(c.day[i]!) },
      { name: 'value', type: 'float8', value: (i) => (Number.isNaN(c.value[i]!) ? null : c.value[i]!) },
      {
        name: 'milestones_done',
        type: 'jsonb',
        value: (i) =>
          c.milestonesDone[i]! < 0 ? null : JSON.stringify(milestoneFlags(c.milestonesDone[i]!, krs[c.keyResult[i]!]!.milestones!.length)),
      },
      { name: 'confidence', type: 'int4', value: (i) => (c.confidence[i]! < 0 ? null : c.confidence[i]!) },
      { name: 'note', type: 'text', value: (i) => (c.note[i]! < 0 ? null : NOTES[c.note[i]!]!) },
      { name: 'blockers', type: 'text', value: (i) => (c.blockers[i]! < 0 ? null : BLOCKERS[c.blockers[i]!]!) },
      { name: 'created_at', type: 'timestamptz', value: stamp },
      { name: 'updated_at', type: 'timestamptz', value: stamp },
    ],
    options,
  );
  await db.execute(sql`alter table check_ins enable trigger check_ins_digest_insert`);
  // Statistics first: planned on an "empty" check_ins table, each key result's lookups would scan all of it.
  await db.execute(sql`analyze check_ins`);
  // In chunks of key results: one statement for all 1.5 million check-ins (scale 1) outlasts the statement timeout.
  for (let from = 0; from < krs.length; from += 2_000) {
    const ids = sql`array[${sql.join(
      krs.slice(from, from + 2_000).map((kr) => sql`${kr.id}::uuid`),
      sql`, `,
    )}]`;
    await db.execute(sql`select refresh_check_in_digests(${ids})`);
    // Each check-in is also its key result's activity, as the app records it (check-ins.ts): reads that look up a key
    // result's activities (its target changes on every page, its history) meet an organisation's real volume.
    await db.execute(sql`insert into activities (org_id, actor_id, action, entity_type, entity_id, after, created_at)
      select org_id, author_id, 'check_in.created', 'key_result', key_result_id::text,
        jsonb_build_object('id', id, 'asOf', as_of, 'value', value, 'confidence', confidence), created_at
      from check_ins where key_result_id = any(${ids})`);
  }
  await db.execute(sql`analyze activities`);
  options.log(`check-in digests and activities: ${krs.length.toLocaleString('en')} key results, ${c.count.toLocaleString('en')} check-ins`);
}

interface LatestCheckIn {
  key_result_id: string;
  as_of: string;
  value: number | null;
  milestones_done: boolean[] | null;
  confidence: number | null;
}

/**
 * Computes every stored progress column of one cycle from the database (the latest check-in of each
 * key result, the alignment graph) with the domain's own `computeGraphProgress`, and writes it back
 * in batched UPDATEs. Returns the number of rows updated.
 */
export async function rollUpCycle(
  db: Database,
  orgId: string,
  cycleId: string,
  batchRows: number,
): Promise<{ objectives: number; keyResults: number }> {
  const objectiveRows = await db
    .select({ id: objectives.id, weight: objectives.weight, driver: objectives.progressDriver })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId)));
  if (objectiveRows.length === 0) return { objectives: 0, keyResults: 0 };
  const inCycle = db
    .select({ id: objectives.id })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId)));
  const krRows = await db.select().from(keyResults).where(inArray(keyResults.objectiveId, inCycle));
  const alignmentRows = await db
    .select({
      childObjectiveId: alignments.childObjectiveId,
      parentObjectiveId: alignments.parentObjectiveId,
      parentKeyResultId: alignments.parentKeyResultId,
    })
    .from(alignments)
    .where(inArray(alignments.childObjectiveId, inCycle));
  const latestRows = await queryRows<LatestCheckIn>(
    db,
    sql`select distinct on (ci.key_result_id) ci.key_result_id, ci.as_of::text as as_of, ci.value, ci.milestones_done, ci.confidence
      from check_ins ci join key_results kr on kr.id = ci.key_result_id join objectives o on o.id = kr.objective_id
      where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and not ci.deleted
      order by ci.key_result_id, ci.as_of desc, ci.created_at desc`,
  );
  const latest = new Map(latestRows.map((r) => [r.key_result_id, r]));
  const state = (id: string) => {
    const row = latest.get(id);
    return row ? { value: row.value, milestonesDone: row.milestones_done } : null;
  };
  const progress = computeGraphProgress(
    objectiveRows,
    krRows.map((kr) => ({ id: kr.id, objectiveId: kr.objectiveId, weight: kr.weight, measure: measureOf(kr, state(kr.id)) })),
    alignmentRows,
  );

  for (let from = 0; from < krRows.length; from += batchRows) {
    const batch = krRows.slice(from, from + batchRows);
    const computed = (id: string): KeyResultProgress => progress.keyResults.get(id) ?? { progress: 0, achievement: 0 };
    const milestones = (kr: (typeof batch)[number]): MilestoneRow[] | null =>
      kr.kind === 'milestone' ? milestonesWithState(kr.milestones ?? [], state(kr.id)) : kr.milestones;
    await db.execute(sql`update key_results k set
        progress = u.progress, achievement = u.achievement, current_value = u.current_value, milestones = u.milestones,
        last_check_in_date = u.last_check_in_date, confidence = u.confidence
      from unnest(${sql.param(batch.map((k) => k.id))}::uuid[], ${sql.param(batch.map((k) => computed(k.id).progress))}::float8[],
        ${sql.param(batch.map((k) => computed(k.id).achievement))}::float8[],
        ${sql.param(batch.map((k) => (k.kind === 'metric' || k.kind === 'threshold' ? (latest.get(k.id)?.value ?? null) : null)))}::float8[],
        ${sql.param(
          batch.map((k) => {
            const m = milestones(k);
            return m ? JSON.stringify(m) : null;
          }),
        )}::jsonb[],
        ${sql.param(batch.map((k) => latest.get(k.id)?.as_of ?? null))}::date[],
        ${sql.param(batch.map((k) => latest.get(k.id)?.confidence ?? null))}::int4[])
        as u(id, progress, achievement, current_value, milestones, last_check_in_date, confidence)
      where k.id = u.id`);
  }
  for (let from = 0; from < objectiveRows.length; from += batchRows) {
    const batch = objectiveRows.slice(from, from + batchRows);
    await db.execute(sql`update objectives o set progress = u.progress
      from unnest(${sql.param(batch.map((o) => o.id))}::uuid[], ${sql.param(batch.map((o) => progress.objectives.get(o.id) ?? 0))}::float8[]) as u(id, progress)
      where o.id = u.id`);
  }
  return { objectives: objectiveRows.length, keyResults: krRows.length };
}

/**
 * Checks the maintained roll-ups of one cycle against a recomputation from scratch (the time-travel
 * snapshot at `asOf`): how many stored progress values differ by more than `tolerance`.
 */
export async function verifyCycle(db: Executor, orgId: string, cycleId: string, asOf: string, tolerance = 1e-9) {
  const snapshot = await cycleSnapshot(db, orgId, cycleId, asOf);
  const inCycle = and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId));
  const storedObjectives = await db.select({ id: objectives.id, progress: objectives.progress }).from(objectives).where(inCycle);
  const storedKeyResults = await db
    .select({ id: keyResults.id, progress: keyResults.progress })
    .from(keyResults)
    .where(inArray(keyResults.objectiveId, db.select({ id: objectives.id }).from(objectives).where(inCycle)));
  const objectivesOff = storedObjectives.filter((o) => Math.abs(o.progress - (snapshot.objectives.get(o.id) ?? 0)) > tolerance).length;
  const keyResultsOff = storedKeyResults.filter(
    (k) => Math.abs(k.progress - (snapshot.keyResults.get(k.id)?.progress ?? 0)) > tolerance,
  ).length;
  return { objectives: storedObjectives.length, keyResults: storedKeyResults.length, objectivesOff, keyResultsOff };
}

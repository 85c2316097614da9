import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import type { keyResults } from '../../../db/schema/index.js';
import { anyUuid, type CheckInValues } from './history-check-ins.js';

type KeyResultRow = typeof keyResults.$inferSelect;
export type HistoryKeyResult = Pick<
  KeyResultRow,
  'id' | 'objectiveId' | 'title' | 'ownerId' | 'weight' | 'kind' | 'startValue' | 'targetValue' | 'targetMin' | 'targetMax'
> &
  Pick<KeyResultRow, 'milestones' | 'effectiveStartDate'> & { createdOn: string };

/**
 * The columns a replay reads, as raw SQL: the rows are many (a whole cycle has tens of thousands of key results) and
 * drizzle's per-field mapping cost more than the statement. `createdOn` is the creation's UTC date, all staleAt reads.
 */
const keyResultColumns = sql.raw(`kr.id, kr.objective_id as "objectiveId", kr.title, kr.owner_id as "ownerId", kr.weight,
  kr.kind, kr.start_value as "startValue", kr.target_value as "targetValue", kr.target_min as "targetMin",
  kr.target_max as "targetMax", kr.milestones, to_char(kr.created_at at time zone 'UTC', 'YYYY-MM-DD') as "createdOn",
  kr.effective_start_date::text as "effectiveStartDate"`);

/** The key results of these objectives. */
export function historyKeyResults(db: Executor, orgId: string, objectiveIds: readonly string[]): Promise<HistoryKeyResult[]> {
  return queryRows<HistoryKeyResult>(
    db,
    sql`select ${keyResultColumns} from key_results kr where kr.org_id = ${orgId} and ${anyUuid(sql.raw('kr.objective_id'), objectiveIds)}`,
  );
}

type RolledUpRow = HistoryKeyResult & {
  fromValue: number | null;
  fromDone: boolean[] | null;
  untilValue: number | null;
  untilDone: boolean[] | null;
};

/** Fewer objectives than this go in one statement; more are split in two, run side by side. */
const SPLIT_FROM = 200;

/**
 * The key results of these objectives — those a team's report only rolls up into its own objectives (nothing of
 * theirs is listed) — each with the values of its latest check-in by the end of `from` and by the end of `until`,
 * picked as windowCheckIns picks them (latest date, then latest entry): one row per key result instead of its own
 * row and two full check-in rows, which for a department (~3,700 such key results) were most of the rows read and
 * parsed. A key result without a check-in (or with one that holds no values) has no entry at a date: the roll-up
 * reads the same nothing either way (see measureOf).
 */
export async function rolledUpKeyResults(
  db: Executor,
  orgId: string,
  objectiveIds: readonly string[],
  from: string,
  until: string,
): Promise<{ keyResults: HistoryKeyResult[]; valuesAt: Map<string, Map<string, CheckInValues>> }> {
  const latest = (date: string) =>
    sql`(select c.value, c.milestones_done from check_ins c
      where c.org_id = ${orgId} and c.key_result_id = kr.id and not c.deleted and c.as_of <= ${date}::date
      order by c.as_of desc, c.created_at desc limit 1)`;
  const statement = (ids: readonly string[]) =>
    queryRows<RolledUpRow>(
      db,
      sql`select ${keyResultColumns}, f.value as "fromValue", f.milestones_done as "fromDone", u.value as "untilValue",
          u.milestones_done as "untilDone"
        from key_results kr left join lateral ${latest(from)} f on true left join lateral ${latest(until)} u on true
        where kr.org_id = ${orgId} and ${anyUuid(sql.raw('kr.objective_id'), ids)}`,
    );
  const half = Math.ceil(objectiveIds.length / 2);
  const parts =
    objectiveIds.length === 0
      ? []
      : objectiveIds.length < SPLIT_FROM
        ? [await statement(objectiveIds)]
        : await Promise.all([statement(objectiveIds.slice(0, half)), statement(objectiveIds.slice(half))]);
  const keyResults: HistoryKeyResult[] = [];
  const atFrom = new Map<string, CheckInValues>();
  const atUntil = new Map<string, CheckInValues>();
  for (const rows of parts)
    for (const row of rows) {
      keyResults.push(row);
      if (row.fromValue !== null || row.fromDone !== null) atFrom.set(row.id, { value: row.fromValue, milestonesDone: row.fromDone });
      if (row.untilValue !== null || row.untilDone !== null) atUntil.set(row.id, { value: row.untilValue, milestonesDone: row.untilDone });
    }
  // `until` last: a window of one day is one moment, its values those by `until` (as windowCheckIns keys them).
  const valuesAt = new Map([
    [from, atFrom],
    [until, atUntil],
  ]);
  return { keyResults, valuesAt };
}

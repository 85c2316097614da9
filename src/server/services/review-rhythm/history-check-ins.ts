import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';

export interface HistoryCheckIn {
  id: string;
  keyResultId: string;
  authorId: string | null;
  asOf: string;
  value: number | null;
  milestonesDone: boolean[] | null;
  confidence: number | null;
  blockers: string | null;
  createdAt: string;
}

/**
 * Which check-ins a history holds: every one up to its end, or only what a report between two dates reads — whose
 * blockers, when the history is a few teams' part of the cycle, only of those teams' own objectives (a report lists
 * no other: what aligns into them only rolls up).
 */
export type CheckInSpan = { kind: 'trail' } | { kind: 'window'; from: string };

/** One array parameter instead of thousands of `in (…)` parameters: a cycle has tens of thousands of key results. */
export const anyUuid = (column: AnyColumn | SQL, ids: readonly string[]): SQL => sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;

type Role = 'until' | 'from' | 'blocker';
type WindowRow = HistoryCheckIn & { role: Role };

/** Rows as the replay uses them, straight from the driver: a whole cycle's window is ~100,000 rows at scale 1, a
 * department's trail ~40,000. */
const windowColumns = sql.raw(`c.id, c.key_result_id as "keyResultId", c.author_id as "authorId", c.as_of::text as "asOf",
  c.value, c.milestones_done as "milestonesDone", c.confidence, c.blockers,
  to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`);

/**
 * Per key result (probes of check_ins_kr_asof_idx in a lateral): its latest check-in by the end of `until` and by
 * the end of `from` (latest asOf, then latest entry, as valueAsOf picks), and the check-ins in between that name a
 * blocker. Two statements side by side, each over every key result: the latest by `until` (the costliest probe, the
 * first to reach each key result's pages), and the latest by `from` with the blockers — the server works on both at
 * once (the whole cycle's single statement was the report's longest wait). A statement per probe keyed by a list
 * sent back would cost a round trip each, and the blockers' own statement, keyed by a list, was planned as a scan
 * of every check-in of the organisation once the cycle was large. Raw SQL: drizzle's per-field mapping and a Date
 * per row were a third of a whole-cycle report's time; the entry time comes as toISOString() would write it
 * (PostgreSQL truncates to milliseconds as Date does).
 */
function windowRows(db: Executor, orgId: string, keyResultsIn: SQL, blockersIn: SQL, from: string, until: string) {
  const live = sql`c.org_id = ${orgId} and c.key_result_id = kr.id and not c.deleted`;
  const latest = (role: Role, date: string) =>
    sql`(select ${windowColumns}, ${role}::text as role from check_ins c where ${live} and c.as_of <= ${date}::date
      order by c.as_of desc, c.created_at desc limit 1)`;
  const perKeyResult = (found: SQL) =>
    queryRows<WindowRow>(
      db,
      sql`select found.* from key_results kr cross join lateral (${found}) found where kr.org_id = ${orgId} and ${keyResultsIn}`,
    );
  return Promise.all([
    perKeyResult(latest('until', until)),
    perKeyResult(sql`${latest('from', from)}
      union all (select ${windowColumns}, 'blocker'::text as role from check_ins c where ${live} and ${blockersIn}
        and c.as_of > ${from}::date and c.as_of <= ${until}::date and c.blockers is not null and c.blockers <> '')`),
  ]);
}

/** What the roll-up reads of a check-in (see measureOf): a key result that only rolls up needs nothing else. */
export type CheckInValues = Pick<HistoryCheckIn, 'value' | 'milestonesDone'>;

const newestFirst = (a: HistoryCheckIn, b: HistoryCheckIn) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/**
 * The check-ins of these key results a history needs, per key result newest entry first (as cycleSnapshot reads
 * them: on a tie valueAsOf keeps the first it saw): every one up to the end of `until`.
 */
export async function trailCheckIns(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  until: string,
): Promise<Map<string, HistoryCheckIn[]>> {
  const rows = ids.length
    ? await queryRows<HistoryCheckIn>(
        db,
        sql`select ${windowColumns} from check_ins c
          where c.org_id = ${orgId} and ${anyUuid(sql.raw('c.key_result_id'), ids)} and not c.deleted and c.as_of <= ${until}::date
          order by c.created_at desc`,
      )
    : [];
  const checkInsOf = new Map<string, HistoryCheckIn[]>();
  for (const row of rows) {
    const list = checkInsOf.get(row.keyResultId);
    if (list) list.push(row);
    else checkInsOf.set(row.keyResultId, [row]);
  }
  return checkInsOf;
}

/**
 * What a report between the end of `from` and the end of `until` reads: per key result, the latest check-in by
 * the end of `from` and by the end of `until` — all a moment at either date reads — and every check-in in between
 * that names a blocker (the report lists those): replaying the window from them gives what the whole trail gives.
 * `checkInsOf` holds per key result the latest by `until` and those blockers, newest entry first (stable, as the
 * trail is read), not the latest by `from`: nothing but that moment reads it. The key results come as a condition
 * on `kr` (key_results), so the statements can start before they are loaded. The rows keep their `role` (unread).
 */
export async function windowCheckIns(
  db: Executor,
  orgId: string,
  keyResultsIn: SQL,
  /** The key results whose blockers a report lists (a condition on `kr`): the others only roll up. */
  blockersIn: SQL,
  from: string,
  until: string,
): Promise<{ checkInsOf: Map<string, HistoryCheckIn[]>; latestAt: Map<string, Map<string, HistoryCheckIn>> }> {
  const [atUntilRows, otherRows] = await windowRows(db, orgId, keyResultsIn, blockersIn, from, until);
  const atUntil = new Map<string, HistoryCheckIn>();
  const atFrom = new Map<string, HistoryCheckIn>();
  const checkInsOf = new Map<string, HistoryCheckIn[]>();
  for (const row of atUntilRows) {
    atUntil.set(row.keyResultId, row);
    checkInsOf.set(row.keyResultId, [row]);
  }
  // Per key result its blockers come in the order the lateral lists them, after its latest by `until` (every
  // blocker is dated by then, so the key result has one — unless it was written between the two statements).
  for (const row of otherRows) {
    if (row.role === 'from') {
      atFrom.set(row.keyResultId, row);
      continue;
    }
    const list = checkInsOf.get(row.keyResultId);
    if (!list) checkInsOf.set(row.keyResultId, [row]);
    else if (list[0]!.id !== row.id) list.push(row);
  }
  for (const list of checkInsOf.values()) if (list.length > 1) list.sort(newestFirst);
  return {
    checkInsOf,
    latestAt: new Map([
      [from, atFrom],
      [until, atUntil],
    ]),
  };
}

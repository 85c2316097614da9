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

/** Which check-ins a history holds: every one up to its end, or only what a report between two dates reads. */
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
 * In one statement, per key result (three probes of check_ins_kr_asof_idx beside each other in a lateral): its
 * latest check-in by the end of `until` and by the end of `from` (latest asOf, then latest entry, as valueAsOf
 * picks), and the check-ins in between that name a blocker. Separate statements cost a round trip each, and the
 * blockers' own statement was planned as a scan of every check-in of the organisation once the cycle was large.
 * Raw SQL: drizzle's per-field mapping and a Date per row were a third of a whole-cycle report's time; the entry
 * time comes as toISOString() would write it (PostgreSQL truncates to milliseconds as Date does).
 */
function windowRows(db: Executor, orgId: string, ids: readonly string[], from: string, until: string) {
  const live = sql`c.org_id = ${orgId} and c.key_result_id = kr.id and not c.deleted`;
  const latest = (role: Role, date: string) =>
    sql`(select ${windowColumns}, ${role}::text as role from check_ins c where ${live} and c.as_of <= ${date}::date
      order by c.as_of desc, c.created_at desc limit 1)`;
  return queryRows<WindowRow>(
    db,
    sql`select found.* from key_results kr cross join lateral (
      ${latest('until', until)}
      union all ${latest('from', from)}
      union all (select ${windowColumns}, 'blocker'::text as role from check_ins c where ${live}
        and c.as_of > ${from}::date and c.as_of <= ${until}::date and c.blockers is not null and c.blockers <> '')
    ) found
    where kr.org_id = ${orgId} and ${anyUuid(sql.raw('kr.id'), ids)}`,
  );
}

const checkIn = ({ role: _role, ...row }: WindowRow): HistoryCheckIn => row;
const newestFirst = (a: HistoryCheckIn, b: HistoryCheckIn) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/**
 * The check-ins of these key results a history needs, newest entry first (as cycleSnapshot reads them: on a tie
 * valueAsOf keeps the first it saw). A window holds, per key result, the latest check-in by the end of `from` and
 * by the end of `until` — all a moment at either date reads — and every check-in in between that names a
 * blocker (the report lists those): replaying the window from them gives what the whole trail gives. Its rows
 * leave out the latest by `from` unless it is also the latest by `until`: nothing but that moment reads them.
 */
export async function historyCheckIns(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  until: string,
  span: CheckInSpan,
): Promise<{ rows: HistoryCheckIn[]; latestAt: Map<string, Map<string, HistoryCheckIn>> | null }> {
  if (span.kind === 'trail') {
    const rows = ids.length
      ? await queryRows<HistoryCheckIn>(
          db,
          sql`select ${windowColumns} from check_ins c
          where c.org_id = ${orgId} and ${anyUuid(sql.raw('c.key_result_id'), ids)} and not c.deleted and c.as_of <= ${until}::date
          order by c.created_at desc`,
        )
      : [];
    return { rows, latestAt: null };
  }
  const found = ids.length ? await windowRows(db, orgId, ids, span.from, until) : [];
  const atUntil = new Map<string, HistoryCheckIn>();
  const atFrom = new Map<string, HistoryCheckIn>();
  const blockers: HistoryCheckIn[] = [];
  for (const row of found) {
    if (row.role === 'until') atUntil.set(row.keyResultId, checkIn(row));
    else if (row.role === 'from') atFrom.set(row.keyResultId, checkIn(row));
    else blockers.push(checkIn(row));
  }
  const unique = new Map<string, HistoryCheckIn>();
  for (const row of atUntil.values()) unique.set(row.id, row);
  for (const row of blockers) if (!unique.has(row.id)) unique.set(row.id, row);
  // Newest entry first, as the whole trail is read (the order blockers are listed in); the sort is stable.
  return {
    rows: [...unique.values()].sort(newestFirst),
    latestAt: new Map([
      [span.from, atFrom],
      [until, atUntil],
    ]),
  };
}

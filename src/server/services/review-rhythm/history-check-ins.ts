import { and, desc, eq, gt, isNotNull, lte, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { checkIns, keyResults } from '../../../db/schema/index.js';

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

type Row = Omit<HistoryCheckIn, 'createdAt'> & { createdAt: Date };
const stamped = (row: Row): HistoryCheckIn => ({ ...row, createdAt: row.createdAt.toISOString() });

const fields = {
  id: checkIns.id,
  keyResultId: checkIns.keyResultId,
  authorId: checkIns.authorId,
  asOf: checkIns.asOf,
  value: checkIns.value,
  milestonesDone: checkIns.milestonesDone,
  confidence: checkIns.confidence,
  blockers: checkIns.blockers,
  createdAt: checkIns.createdAt,
};

/** One array parameter instead of thousands of `in (…)` parameters: a cycle has tens of thousands of key results. */
export const anyUuid = (column: AnyColumn, ids: readonly string[]): SQL => sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;

type Role = 'until' | 'from' | 'blocker';

/**
 * In one statement, per key result (three probes of check_ins_kr_asof_idx beside each other in a lateral): its
 * latest check-in by the end of `until` and by the end of `from` (latest asOf, then latest entry, as valueAsOf
 * picks), and the check-ins in between that name a blocker. Separate statements cost a round trip each, and the
 * blockers' own statement was planned as a scan of every check-in of the organisation once the cycle was large.
 */
function windowRows(db: Executor, orgId: string, ids: readonly string[], from: string, until: string) {
  const part = (role: Role, ...conditions: SQL[]) =>
    db
      .select({ ...fields, role: sql<Role>`${sql.raw(`'${role}'`)}`.as('role') })
      .from(checkIns)
      .where(and(eq(checkIns.orgId, orgId), eq(checkIns.keyResultId, keyResults.id), eq(checkIns.deleted, false), ...conditions));
  const latest = (role: Role, date: string) =>
    part(role, lte(checkIns.asOf, date)).orderBy(desc(checkIns.asOf), desc(checkIns.createdAt)).limit(1);
  const blockers = part(
    'blocker',
    gt(checkIns.asOf, from),
    lte(checkIns.asOf, until),
    isNotNull(checkIns.blockers),
    ne(checkIns.blockers, ''),
  );
  const found = latest('until', until).unionAll(latest('from', from)).unionAll(blockers).as('found');
  const { id, keyResultId, authorId, asOf, value, milestonesDone, confidence, blockers: text, createdAt, role } = found;
  return db
    .select({ id, keyResultId, authorId, asOf, value, milestonesDone, confidence, blockers: text, createdAt, role })
    .from(keyResults)
    .innerJoinLateral(found, sql`true`)
    .where(and(eq(keyResults.orgId, orgId), anyUuid(keyResults.id, ids)));
}

/**
 * The check-ins of these key results a history needs, newest entry first (as cycleSnapshot reads them: on a tie
 * valueAsOf keeps the first it saw). A window holds, per key result, the latest check-in by the end of `from` and
 * by the end of `until` — all a moment at either date reads — and every check-in in between that names a
 * blocker (the report lists those): replaying the window from them gives what the whole trail gives.
 */
export async function historyCheckIns(
  db: Executor,
  orgId: string,
  ids: readonly string[],
  until: string,
  span: CheckInSpan,
): Promise<{ rows: HistoryCheckIn[]; latestAt: Map<string, Map<string, HistoryCheckIn>> | null }> {
  const live = () => and(anyUuid(checkIns.keyResultId, ids), eq(checkIns.deleted, false));
  if (span.kind === 'trail') {
    const rows = ids.length
      ? await db
          .select(fields)
          .from(checkIns)
          .where(and(eq(checkIns.orgId, orgId), live(), lte(checkIns.asOf, until)))
          .orderBy(desc(checkIns.createdAt))
      : [];
    return { rows: rows.map(stamped), latestAt: null };
  }
  const found = ids.length ? await windowRows(db, orgId, ids, span.from, until) : [];
  const ofRole = (role: Role): Row[] => found.filter((row) => row.role === role);
  const [atUntil, atFrom, blockers] = [ofRole('until'), ofRole('from'), ofRole('blocker')];
  const unique = new Map<string, Row>();
  for (const row of [...atUntil, ...atFrom, ...blockers]) if (!unique.has(row.id)) unique.set(row.id, row);
  // Newest entry first, as the whole trail is read (the order blockers are listed in).
  const rows = [...unique.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map(stamped);
  const byId = new Map(rows.map((row) => [row.id, row]));
  // The moments at both ends take the latest check-ins the database picked instead of replaying them.
  const latestOf = (picked: Row[]) => new Map(picked.map((row) => [row.keyResultId, byId.get(row.id)!]));
  return {
    rows,
    latestAt: new Map([
      [span.from, latestOf(atFrom)],
      [until, latestOf(atUntil)],
    ]),
  };
}

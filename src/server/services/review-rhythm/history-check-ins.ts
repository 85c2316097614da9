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

/**
 * Each key result's latest check-in by the end of `date` (latest asOf, then latest entry, as valueAsOf picks):
 * one backward probe of check_ins_kr_asof_idx per key result instead of the whole trail.
 */
function latestBy(db: Executor, orgId: string, ids: readonly string[], date: string) {
  const latest = db
    .select(fields)
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.keyResultId, keyResults.id), eq(checkIns.deleted, false), lte(checkIns.asOf, date)))
    .orderBy(desc(checkIns.asOf), desc(checkIns.createdAt))
    .limit(1)
    .as('latest');
  const { id, keyResultId, authorId, asOf, value, milestonesDone, confidence, blockers, createdAt } = latest;
  return db
    .select({ id, keyResultId, authorId, asOf, value, milestonesDone, confidence, blockers, createdAt })
    .from(keyResults)
    .innerJoinLateral(latest, sql`true`)
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
): Promise<HistoryCheckIn[]> {
  if (ids.length === 0) return [];
  const live = and(eq(checkIns.orgId, orgId), anyUuid(checkIns.keyResultId, ids), eq(checkIns.deleted, false));
  const stamped = (rows: Row[]) => rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  if (span.kind === 'trail')
    return stamped(
      await db
        .select(fields)
        .from(checkIns)
        .where(and(live, lte(checkIns.asOf, until)))
        .orderBy(desc(checkIns.createdAt)),
    );
  const [atFrom, atUntil, blockers] = await Promise.all([
    latestBy(db, orgId, ids, span.from),
    latestBy(db, orgId, ids, until),
    db
      .select(fields)
      .from(checkIns)
      .where(and(live, gt(checkIns.asOf, span.from), lte(checkIns.asOf, until), isNotNull(checkIns.blockers), ne(checkIns.blockers, ''))),
  ]);
  // The latest rows come first so that, on an entry time equal to the millisecond (the database orders by the
  // microsecond), the one the database picked is still the first valueAsOf sees.
  const byId = new Map<string, Row>();
  for (const row of [...atUntil, ...atFrom, ...blockers]) if (!byId.has(row.id)) byId.set(row.id, row);
  return stamped([...byId.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()));
}

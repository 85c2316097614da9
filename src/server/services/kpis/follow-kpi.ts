import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, type Transaction } from '../../../db/database.js';
import { checkIns } from '../../../db/schema/index.js';
import type { Announcer } from '../announce.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { refreshNumericKeyResults } from '../okrs/rollup.js';
import { pgArray } from '../../../db/pg-array.js';

interface PendingFollow {
  keyResultId: string;
  objectiveId: string;
  kind: string;
  currentValue: number | null;
  lastCheckInDate: string | null;
  kpiName: string;
  valueId: string;
  asOf: string;
  value: number;
  cycleOpen: boolean;
  startDate: string;
  endDate: string;
}

/** Links that follow their KPI whose latest value (by date, then entry) is not the one they last followed. */
const pendingFollows = (tx: Executor, orgId: string, kpiIds?: readonly string[]) =>
  queryRows<PendingFollow>(
    tx,
    sql`select l.key_result_id as "keyResultId", kr.objective_id as "objectiveId", kr.kind, kr.current_value as "currentValue",
        kr.last_check_in_date::text as "lastCheckInDate", k.name as "kpiName", v.id as "valueId", v.as_of::text as "asOf",
        v.value, c.status <> 'closed' as "cycleOpen", c.start_date::text as "startDate", c.end_date::text as "endDate"
      from key_result_kpis l
      join kpis k on k.org_id = l.org_id and k.id = l.kpi_id
      cross join lateral (
        select id, as_of, value from kpi_values
        where org_id = l.org_id and kpi_id = l.kpi_id and not deleted
        order by as_of desc, created_at desc, id desc limit 1
      ) v
      join key_results kr on kr.org_id = l.org_id and kr.id = l.key_result_id
      join objectives o on o.org_id = kr.org_id and o.id = kr.objective_id
      join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
      where l.org_id = ${orgId} and l.follows_kpi and l.followed_value_id is distinct from v.id
        ${
          kpiIds
            ? sql`and l.kpi_id in (${sql.join(
                kpiIds.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        }`,
  );

/** The check-in a pending follow makes: the KPI's latest value, while the cycle is open and the date inside it. */
function followedCheckIn(p: PendingFollow): boolean {
  const fits = p.cycleOpen && p.asOf >= p.startDate && p.asOf <= p.endDate;
  const measured = p.kind === 'metric' || p.kind === 'threshold';
  const already = p.currentValue === p.value && p.lastCheckInDate === p.asOf;
  return fits && measured && !already;
}

/**
 * Key results whose owner chose "follows the KPI" get a check-in at the KPI's latest value (authored by nobody: the
 * note says where it came from), all of the organisation's pending ones (or those of `kpiIds`) in one pass: one insert,
 * one roll-up to the top. The organisation's OKR lock is taken only when something is pending, and the pending links
 * are read again under it, so two writers never follow one value twice. Answers the check-ins made.
 */
export async function followKpis(tx: Transaction, announce: Announcer, orgId: string, kpiIds?: readonly string[]): Promise<number> {
  if (kpiIds?.length === 0 || (await pendingFollows(tx, orgId, kpiIds)).length === 0) return 0;
  await lockOrganizationOkrs(tx, orgId);
  const pending = await pendingFollows(tx, orgId, kpiIds);
  if (pending.length === 0) return 0;
  const toCheckIn = pending.filter(followedCheckIn);
  if (toCheckIn.length > 0)
    await tx.insert(checkIns).values(
      toCheckIn.map((p) => ({
        orgId,
        keyResultId: p.keyResultId,
        authorId: null,
        asOf: p.asOf,
        value: p.value,
        note: `Followed the KPI ${p.kpiName}.`,
      })),
    );
  await tx.execute(markFollowed(orgId, pending));
  // A check-in dated before the key result's latest one leaves its value as it is.
  const latest = toCheckIn.filter((p) => p.lastCheckInDate === null || p.asOf >= p.lastCheckInDate);
  await refreshNumericKeyResults(
    tx,
    latest.map((p) => ({ id: p.keyResultId, value: p.value, asOf: p.asOf })),
  );
  for (const p of toCheckIn) announce.changed('check_in', p.keyResultId, p.objectiveId);
  return toCheckIn.length;
}

const markFollowed = (orgId: string, pending: readonly PendingFollow[]): SQL =>
  sql`update key_result_kpis l set followed_value_id = v.value_id
    from unnest(${pgArray(pending.map((p) => p.keyResultId))}::uuid[], ${pgArray(pending.map((p) => p.valueId))}::uuid[])
      v(key_result_id, value_id)
    where l.org_id = ${orgId} and l.key_result_id = v.key_result_id`;

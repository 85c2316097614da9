import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import type { DueRun } from '../../jobs/context.js';
import { Announcer } from '../announce.js';
import { followKpis } from './follow-kpi.js';

// A pass right after each push follows it within moments; the job only takes what has waited longer than that.
const STUCK_AFTER = '1 minute';

/**
 * Organisations with a KPI value that key results following the KPI have not followed for a minute (the process
 * stopped between the push and its pass, or the pass failed): one run each, in the minute it is found.
 */
export async function dueKpiFollows(db: Executor, now: Date, orgId?: string): Promise<DueRun[]> {
  const rows = await queryRows<{ orgId: string }>(
    db,
    sql`select distinct l.org_id as "orgId"
      from key_result_kpis l
      cross join lateral (
        select id, created_at from kpi_values
        where org_id = l.org_id and kpi_id = l.kpi_id and not deleted
        order by as_of desc, created_at desc, id desc limit 1
      ) v
      where l.follows_kpi and l.followed_value_id is distinct from v.id
        and v.created_at < ${now.toISOString()}::timestamptz - ${STUCK_AFTER}::interval
        ${orgId ? sql`and l.org_id = ${orgId}` : sql``}`,
  );
  const minute = now.toISOString().slice(0, 16);
  return rows.map((row): DueRun => ({
    key: `org:${row.orgId}:${minute}`,
    run: async (tx) => ({ checkIns: await followKpis(tx, new Announcer(row.orgId), row.orgId) }),
  }));
}

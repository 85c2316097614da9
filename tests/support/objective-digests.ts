import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Executor } from '../../src/db/database.js';

/**
 * objective_key_result_digests is derived data kept by PostgreSQL's triggers on key_results and check_in_digests
 * (migration 0046): after every kind of write it must hold exactly what rebuilding it from scratch gives (the
 * migration's backfill, repeated here).
 */
const REBUILT = sql`select kr.org_id::text, kr.objective_id::text, array_agg(kr.id::text order by kr.id) as ids,
    array_agg(kr.kind order by kr.id) as kinds, array_agg(kr.effective_start_date::text order by kr.id) as starts,
    array_agg(kr.last_check_in_date::text order by kr.id) as lasts,
    array_agg(to_char(kr.created_at at time zone 'UTC', 'YYYY-MM-DD') order by kr.id) as created,
    array_agg(d.period_start::text order by kr.id) as period_starts, array_agg(d.period_days order by kr.id) as period_days,
    array_agg(d.period_mask::text order by kr.id) as masks,
    (array_agg(d.latest_note order by d.latest_as_of desc nulls last, d.latest_created_at desc nulls last, kr.id desc))[1] as note
  from key_results kr left join check_in_digests d on d.org_id = kr.org_id and d.key_result_id = kr.id
  group by kr.org_id, kr.objective_id order by 2`;
const KEPT = sql`select x.org_id::text, x.objective_id::text, x.key_result_ids::text[] as ids, x.kinds,
    x.effective_start_dates::text[] as starts, x.last_check_in_dates::text[] as lasts, x.created_dates as created,
    x.period_starts::text[] as period_starts, x.period_days, x.period_masks::text[] as masks, x.latest_note as note
  from objective_key_result_digests x order by 2`;

export async function expectKeptEqualsRebuilt(db: Executor) {
  const kept = await queryRows<Record<string, unknown>>(db, KEPT);
  expect(kept).toEqual(await queryRows<Record<string, unknown>>(db, REBUILT));
  return kept;
}

import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Executor } from '../../src/db/database.js';

/**
 * objective_children is derived data kept by PostgreSQL's triggers on alignments and key_results (the migration
 * 0053_rhythm_objective_children): after every kind of write it must hold exactly what rebuilding it from the
 * alignments gives (the migration's backfill, repeated here).
 */
const REBUILT = sql`select a.id::text as alignment, a.org_id::text as org, coalesce(a.parent_objective_id, kr.objective_id)::text as parent,
    a.child_objective_id::text as child
  from alignments a left join key_results kr on kr.org_id = a.org_id and kr.id = a.parent_key_result_id
  where coalesce(a.parent_objective_id, kr.objective_id) is not null order by 1`;
const KEPT = sql`select x.alignment_id::text as alignment, x.org_id::text as org, x.parent_objective_id::text as parent,
    x.child_objective_id::text as child
  from objective_children x order by 1`;

export async function expectChildrenEqualRebuilt(db: Executor) {
  const kept = await queryRows<{ alignment: string; org: string; parent: string; child: string }>(db, KEPT);
  expect(kept).toEqual(await queryRows<Record<string, unknown>>(db, REBUILT));
  return kept;
}

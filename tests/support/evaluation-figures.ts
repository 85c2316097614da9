import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Database } from '../../src/db/database.js';

/**
 * objective_evaluation_figures is derived data kept by PostgreSQL's triggers (migration 0050): after every kind of
 * write it must hold exactly what counting every objective again gives. The rebuild runs in a transaction that is
 * rolled back, so the kept rows are compared without being replaced.
 */
const ROWS = sql`select org_id::text, objective_id::text, cycle_id::text, key_results, high, middle, perfect, period_days,
    key_result_ids::text[] as ids, period_starts::text[] as starts, period_masks::text[] as masks, forecasts, squared,
    owner_ids, midpoint_confidences, reached
  from objective_evaluation_figures order by objective_id`;

class RolledBack extends Error {}

export async function expectEvaluationFiguresKept(db: Database) {
  const kept = await queryRows<Record<string, unknown>>(db, ROWS);
  let rebuilt: Record<string, unknown>[] = [];
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`delete from objective_evaluation_figures`);
      await tx.execute(sql`select refresh_objective_evaluation_figures(array(select id from objectives))`);
      rebuilt = await queryRows<Record<string, unknown>>(tx, ROWS);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  expect(kept).toEqual(rebuilt);
  return kept;
}

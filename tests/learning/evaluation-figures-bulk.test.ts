import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { describeEachEngine } from '../support/engines.js';
import { expectEvaluationFiguresKept } from '../support/evaluation-figures.js';
import { useOkrWorld } from '../okrs/support.js';

const OBJECTIVES = 200;
const KEY_RESULTS_EACH = 3;

/**
 * Bulk writes (the bench's load, an organisation import) insert and update thousands of key results, check-ins and
 * digests a statement at a time; the statement triggers then count the figures of many objectives at once, on a plan
 * made for those ids (refresh_objective_evaluation_figures above 64 objectives) rather than the generic plan a
 * check-in uses. Both ways must keep the same figures as a rebuild.
 */
describeEachEngine('Objective evaluation figures: bulk writes stay set-based and equal to a rebuild', (engine) => {
  const t = useOkrWorld(engine, '2025-03-20');

  it('counts hundreds of objectives per statement, after a small refresh, equal to a rebuild', async () => {
    const w = t.w;
    const db = (engine() as { handle: DatabaseHandle }).handle.db;
    // A small refresh first (one objective: the generic plan), then statements over 200 objectives (planned for them).
    const seed = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Seed' }, 10, '2025-01-03');
    await db.execute(sql`insert into objectives
      select (jsonb_populate_record(o, jsonb_build_object('id', gen_random_uuid(), 'title', 'Bulk ' || g))).*
      from objectives o, generate_series(1, ${OBJECTIVES}) g where o.id = ${seed.objective.id}`);
    await db.execute(sql`insert into key_results
      select (jsonb_populate_record(k, jsonb_build_object('id', gen_random_uuid(), 'objective_id', o.id, 'position', g))).*
      from key_results k, objectives o, generate_series(1, ${KEY_RESULTS_EACH}) g
      where k.id = ${seed.kr.id} and o.org_id = k.org_id and o.title like 'Bulk %'`);
    await db.execute(sql`insert into check_ins
      select (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), 'key_result_id', k.id,
        'as_of', (date '2025-01-01' + g * 9)::text, 'confidence', (g * 3) % 11))).*
      from check_ins c, key_results k, generate_series(1, 4) g
      where c.key_result_id = ${seed.kr.id} and k.org_id = c.org_id and k.id <> c.key_result_id`);
    await db.execute(sql`update key_results set progress = 0.5 where org_id = ${w.orgId} and id <> ${seed.kr.id}`);

    const kept = await expectEvaluationFiguresKept(db);
    const bulk = kept.filter((row) => row.objective_id !== seed.objective.id && row.cycle_id === w.cycle.id);
    expect(bulk).toHaveLength(OBJECTIVES);
    expect(bulk[0]).toMatchObject({ key_results: KEY_RESULTS_EACH, middle: KEY_RESULTS_EACH, forecasts: KEY_RESULTS_EACH });
  }, 180_000);
});

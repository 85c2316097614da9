/**
 * Issue 12's floors: for each server operation that has a ratio target, the least a database could do for the same
 * answer — one hand-written statement on the existing indexes returning the same objectives with their key results
 * and the names a page shows (for the write: the bare insert of the check-in in its own transaction). Each floor draws
 * its parameters from the same random sequence as its operation, so with the same seed it answers the same calls;
 * it returns how many objectives it answered, which the report puts beside the operation's count.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../src/db/database.js';
import type { Op, OpName } from './measure.js';

/** The objectives chosen by `ids` (a statement yielding `id`), each with its owner's name and its key results. */
const presented = (ids: SQL) => sql`
  select o.id, o.title, o.status, o.type, o.visibility, o.progress, o.score, o.team_id, o.owner_id, u.name as owner_name,
    coalesce((select json_agg(json_build_object('id', k.id, 'title', k.title, 'kind', k.kind, 'progress', k.progress,
      'currentValue', k.current_value, 'targetValue', k.target_value, 'ownerName', ku.name) order by k.position)
      from key_results k left join users ku on ku.id = k.owner_id where k.objective_id = o.id), '[]') as key_results
  from objectives o left join users u on u.id = o.owner_id
  where o.id in (${ids})`;

const count = async (db: Database, query: SQL) => (await queryRows<{ id: string }>(db, query)).length;

export const FLOORS: Partial<Record<OpName, Op>> = {
  async teamPage(db, ctx, rng) {
    const teamId = rng.pick(ctx.teamIds);
    return count(
      db,
      presented(sql`select id from objectives where org_id = ${ctx.orgId} and cycle_id = ${ctx.cycle.id} and team_id = ${teamId}
        union select c.objective_id from objective_contributors c join objectives co on co.id = c.objective_id
        where c.team_id = ${teamId} and co.cycle_id = ${ctx.cycle.id}`),
    );
  },
  async treeLevel(db, ctx, rng) {
    const rootId = rng.pick(ctx.upperObjectiveIds);
    return count(
      db,
      // Two indexed branches: an `or` across the key-result join scanned every alignment (96 ms at scale 1).
      presented(sql`select ${rootId}::uuid
        union select a.child_objective_id from alignments a where a.parent_objective_id = ${rootId}
        union select a.child_objective_id from alignments a join key_results pk on pk.id = a.parent_key_result_id
          where pk.objective_id = ${rootId}`),
    );
  },
  async treeSearch(db, ctx, rng) {
    const pattern = `%${rng.pick(ctx.teamNames)}%`;
    return count(
      db,
      sql`with recursive up(id) as (
          select m.id from objectives m where m.org_id = ${ctx.orgId} and m.cycle_id = ${ctx.cycle.id} and m.title ilike ${pattern}
          union select k.objective_id from key_results k join objectives ko on ko.id = k.objective_id
            where k.org_id = ${ctx.orgId} and ko.cycle_id = ${ctx.cycle.id} and k.title ilike ${pattern}
          union select coalesce(a.parent_objective_id, pk.objective_id) from up join alignments a on a.child_objective_id = up.id
            left join key_results pk on pk.id = a.parent_key_result_id
        ) ${presented(sql`select id from up`)}`,
    );
  },
  async cycleSummary(db, ctx) {
    const [row] = await queryRows<{ objectives: number }>(
      db,
      sql`select count(*)::int as objectives, (select count(*)::int from key_results k join objectives ko on ko.id = k.objective_id
        where ko.org_id = ${ctx.orgId} and ko.cycle_id = ${ctx.cycle.id}) as key_results
        from objectives o where o.org_id = ${ctx.orgId} and o.cycle_id = ${ctx.cycle.id}`,
    );
    return row?.objectives ?? 0;
  },
  async checkInWrite(db, ctx, rng) {
    // The same draws as the operation. The floor's check-in repeats the key result's current value, so the
    // stored roll-ups stay what a replay of the history gives (the bench verifies that after the writes).
    const kr = rng.pick(ctx.deepKeyResults);
    rng.between(0, 1.1);
    const confidence = rng.int(11);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into check_ins (org_id, key_result_id, author_id, as_of, value, confidence, note)
        select ${ctx.orgId}, k.id, ${kr.ownerId}, ${ctx.today}, k.current_value, ${confidence}, 'Benchmark floor'
        from key_results k where k.id = ${kr.id}`);
    });
    return 1;
  },
};

/** The ratio targets at full scale on the server (issue 12): reads at most twice their floor, the write four times. */
export const RATIO_TARGETS: Partial<Record<OpName, number>> = {
  teamPage: 2,
  treeLevel: 2,
  treeSearch: 2,
  cycleSummary: 2,
  checkInWrite: 4,
};

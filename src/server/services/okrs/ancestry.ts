import { sql, type SQL } from 'drizzle-orm';
import type { GraphAlignment, ProgressDriver } from '../../../domain/index.js';
import type { StatusFacts } from '../../../domain/webhooks/status-announcements.js';
import type { Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { queryPrepared } from '../../../db/prepared-statements.js';
import type { keyResults, MilestoneRow } from '../../../db/schema/index.js';

type KeyResultRow = typeof keyResults.$inferSelect;

export type AncestryKeyResult = Pick<
  KeyResultRow,
  | 'id'
  | 'objectiveId'
  | 'kind'
  | 'weight'
  | 'progress'
  | 'achievement'
  | 'startValue'
  | 'targetValue'
  | 'targetMin'
  | 'targetMax'
  | 'currentValue'
> & {
  milestones: MilestoneRow[] | null;
};

/**
 * The part of a cycle that a change can move: the objectives it starts from and every objective
 * above them (`stale`), their key results, and the alignments into them with each child's stored
 * progress. Children outside `stale` do not move; their stored progress stands for them.
 */
export interface Ancestry {
  stale: string[];
  /** What each stale objective's progress status depends on, and the status last announced (status-announcements.ts). */
  statusFacts: StatusFacts[];
  /** The organisation's time zone ("today") and status margins; null when nothing was found. */
  org: { id: string; timeZone: string; onTrackMargin: number | null; atRiskMargin: number | null } | null;
  objectives: { id: string; weight: number; driver: ProgressDriver; progress: number }[];
  keyResults: AncestryKeyResult[];
  alignments: GraphAlignment[];
}

/**
 * `up(id)`: the objectives `starts` selects and every objective above them, through parent
 * objectives and the objectives of parent key results. For a `with recursive` clause.
 */
export const ancestorsCte = (starts: SQL) =>
  sql`up(id) as (
    ${starts}
    union
    select coalesce(a.parent_objective_id, pk.objective_id)
    from up join alignments a on a.child_objective_id = up.id
    left join key_results pk on pk.id = a.parent_key_result_id
  )`;

/**
 * The statement selecting where a walk up starts, for these ids: none without ids, one value for one id (a check-in's
 * key result), else one array. PostgreSQL estimates an array parameter at ten elements and a recursive walk from ten
 * starts at many rows, so with `= any($1)` for one key result a generic plan looked far dearer than one made for the
 * values, and the named statement was planned afresh on every check-in (0.95 against 0.39 ms p50 in the database at
 * 10,000 people, issue 12). Each shape is a fixed text, so each keeps its name and its plan.
 */
const startsFrom = (select: SQL, ids: string[]): SQL[] =>
  ids.length === 0 ? [] : [ids.length === 1 ? sql`${select} = ${ids[0]}::uuid` : sql`${select} = any(${pgArray(ids)}::uuid[])`];

/**
 * Reads the ancestry of some objectives (and of the objectives of some key results) in one round
 * trip: a check-in walks up to six levels, and one statement instead of two or three per level is
 * what keeps the write short (docs/performance.md). `union` (not `union all`) stops at a node seen
 * before, so even a loop in corrupted data ends; the roll-up then refuses it.
 */
export async function loadAncestry(tx: Executor, from: { objectiveIds?: string[]; keyResultIds?: string[] }): Promise<Ancestry> {
  const starts = [
    ...startsFrom(sql`select o.id from objectives o where o.id`, from.objectiveIds ?? []),
    ...startsFrom(sql`select k.objective_id from key_results k where k.id`, from.keyResultIds ?? []),
  ];
  if (starts.length === 0) return { stale: [], statusFacts: [], org: null, objectives: [], keyResults: [], alignments: [] };
  // A named statement (decision 0006): every check-in runs it inside its transaction.
  const [row] = await queryPrepared<Ancestry>(
    tx,
    sql`with recursive starts(id) as (${sql.join(starts, sql` union `)}), ${ancestorsCte(sql`select id from starts`)}, krs as (
        select k.* from key_results k where k.objective_id = any(array(select id from up))
      ), links as (
        select a.child_objective_id, a.parent_objective_id, a.parent_key_result_id from alignments a
        where (a.parent_objective_id = any(array(select id from up)) or a.parent_key_result_id = any(array(select id from krs)))
          -- An archived objective gives its parents nothing (it left scoring).
          and not exists (select 1 from objectives c where c.id = a.child_objective_id and c.status = 'archived')
      )
      select
        coalesce((select json_agg(id) from up), '[]') as stale,
        coalesce((select json_agg(json_build_object('id', o.id, 'weight', o.weight, 'driver', o.progress_driver, 'progress', o.progress))
          from objectives o where o.id = any(array(select id from up union select child_objective_id from links))), '[]') as objectives,
        coalesce((select json_agg(json_build_object('id', k.id, 'objectiveId', k.objective_id, 'kind', k.kind, 'weight', k.weight,
          'progress', k.progress, 'achievement', k.achievement, 'startValue', k.start_value, 'targetValue', k.target_value,
          'targetMin', k.target_min, 'targetMax', k.target_max, 'currentValue', k.current_value, 'milestones', k.milestones) order by k.position, k.created_at) from krs k), '[]') as "keyResults",
        coalesce((select json_agg(json_build_object('id', o.id, 'status', o.status, 'announcedStatus', o.announced_status,
          'effectiveStartDate', o.effective_start_date, 'cycleStatus', c.status, 'startDate', c.start_date, 'endDate', c.end_date))
          from objectives o join cycles c on c.id = o.cycle_id and c.org_id = o.org_id where o.id = any(array(select id from up))), '[]') as "statusFacts",
        (select json_build_object('id', g.id, 'timeZone', g.time_zone, 'onTrackMargin', g.settings->'onTrackMargin', 'atRiskMargin', g.settings->'atRiskMargin')
          from organizations g where g.id = (select o.org_id from objectives o where o.id = any(array(select id from up)) limit 1)) as org,
        coalesce((select json_agg(json_build_object('childObjectiveId', l.child_objective_id, 'parentObjectiveId', l.parent_objective_id,
          'parentKeyResultId', l.parent_key_result_id)) from links l), '[]') as alignments`,
  );
  return row ?? { stale: [], statusFacts: [], org: null, objectives: [], keyResults: [], alignments: [] };
}

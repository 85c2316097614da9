import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../../db/database.js';
import { objectives } from '../../../db/schema/index.js';
import { anyUuid } from './history-check-ins.js';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';

/** The columns a replay and the reports built on it read. */
const objectiveColumns = {
  id: objectives.id,
  title: objectives.title,
  teamId: objectives.teamId,
  ownerId: objectives.ownerId,
  status: objectives.status,
  weight: objectives.weight,
  progressDriver: objectives.progressDriver,
  effectiveStartDate: objectives.effectiveStartDate,
};
export type HistoryObjective = Pick<typeof objectives.$inferSelect, keyof typeof objectiveColumns>;

/** The objectives table as `o` in the walk below, and the same columns under their names. */
const walkedObjective = alias(objectives, 'o');
const columnsOf = sql.raw(`o.id, o.title, o.team_id as "teamId", o.owner_id as "ownerId", o.status, o.weight,
  o.progress_driver as "progressDriver", o.effective_start_date::text as "effectiveStartDate"`);

/**
 * The objectives a history replays: the whole cycle, or — when only some teams are asked about — those teams'
 * objectives and, level by level, every objective of the cycle aligned into them (to them or to one of their key
 * results), since their progress rolls up from there. Objectives the viewer may not read are left out either way,
 * as the whole-cycle history does (and what aligns into them is not walked). A team's report then replays a few
 * dozen objectives instead of the cycle.
 */
export async function historyObjectives(
  db: Executor,
  orgId: string,
  cycleId: string,
  visibleTo: Viewer | null,
  onlyTeams: readonly string[] | null,
): Promise<HistoryObjective[]> {
  if (onlyTeams === null)
    return db
      .select(objectiveColumns)
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId), visibleTo ? objectiveVisibleTo(visibleTo) : undefined));
  if (onlyTeams.length === 0) return [];
  // One recursive statement instead of a round trip (and a list of ids sent back) per level: a department's part
  // of the cycle is four levels and ~1,200 objectives deep. `union` walks each objective once, even through a loop.
  // The walk carries the columns it already read: fetching each walked objective again was a fifth of its buffers.
  return queryRows<HistoryObjective>(db, sql`${teamWalk(orgId, cycleId, visibleTo, onlyTeams)} select * from walked`);
}

/**
 * The `with recursive walked` of historyObjectives: these teams' objectives and what aligns into them, each row with
 * the columns a history reads (the same for every path to an objective, so `union` still keeps one row per objective).
 * Each level follows objective_children (kept by triggers), whose edges already name the objective of a parent key
 * result: probing alignments per objective and again per key result was two thirds of a department's walk.
 */
function teamWalk(orgId: string, cycleId: string, visibleTo: Viewer | null, onlyTeams: readonly string[]): SQL {
  const o = walkedObjective;
  const readable = visibleTo ? objectiveVisibleTo(visibleTo, o) : sql`true`;
  return sql`with recursive walked as (
      select ${columnsOf} from objectives o
      where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and ${anyUuid(sql.raw('o.team_id'), onlyTeams)} and ${readable}
      union
      select ${columnsOf} from walked w
      join objective_children e on e.org_id = ${orgId} and e.parent_objective_id = w.id
      join objectives o on o.org_id = ${orgId} and o.id = e.child_objective_id and o.cycle_id = ${cycleId} and ${readable}
    )`;
}

/**
 * The ids historyObjectives gives, as a subquery (for `= any(array(…))`): a statement keyed on them can run beside
 * the one loading them instead of after it.
 */
export function historyObjectiveIds(orgId: string, cycleId: string, visibleTo: Viewer | null, onlyTeams: readonly string[] | null): SQL {
  if (onlyTeams === null) {
    const o = walkedObjective;
    return sql`select o.id from objectives o
      where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and ${visibleTo ? objectiveVisibleTo(visibleTo, o) : sql`true`}`;
  }
  if (onlyTeams.length === 0) return sql`select null::uuid where false`;
  return sql`${teamWalk(orgId, cycleId, visibleTo, onlyTeams)} select w.id from walked w`;
}

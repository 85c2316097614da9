import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import { objectives, type MilestoneRow } from '../../../db/schema/index.js';
import { alias } from 'drizzle-orm/pg-core';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';
import type { KeyResultKind } from '../../../domain/vocabulary.js';

export interface FeedFilters {
  teamId?: string;
  objectiveId?: string;
  /** The id of the last item already shown: the page continues after it. */
  before?: string;
  limit: number;
}

/** One activity with the names and titles it needs, as the query returns it. */
export interface FeedRow {
  id: string;
  action: string;
  entity_id: string;
  actor_id: string | null;
  actor_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date | string;
  objective_id: string | null;
  objective_title: string | null;
  team_id: string | null;
  team_name: string | null;
  key_result_id: string | null;
  key_result_title: string | null;
  kind: KeyResultKind | null;
  start_value: number | null;
  target_value: number | null;
  target_min: number | null;
  target_max: number | null;
  milestones: MilestoneRow[] | null;
  check_in_id: string | null;
  comment_body: string | null;
  comment_target_type: string | null;
  cycle_name: string | null;
}

// Objective updates count only when they change the status; drafts are not news until published.
const NEWS = sql`(
  a.action in ('check_in.created', 'key_result.target-reached', 'objective.achieved', 'cycle.closed', 'comment.created')
  or (a.action = 'objective.created' and a.after->>'status' is distinct from 'draft')
  or (a.action = 'objective.updated' and a.after->>'status' is not null and a.after->>'status' is distinct from a.before->>'status'))`;

/**
 * The feed is read from the activity log, which every write already fills in its own transaction.
 * Each activity is resolved to its objective (directly, through its key result, or as its comment
 * recorded it), so team and objective feeds filter in SQL and pages stay full. Items whose
 * objective, check-in or comment has since been deleted drop out.
 */
export function feedRows(tx: Executor, reader: Reader, filters: FeedFilters): Promise<FeedRow[]> {
  const orgId = reader.orgId;
  // A cycle has no objective, so these leave closed cycles to the organisation's feed.
  const scoped: SQL[] = [];
  if (filters.objectiveId) scoped.push(sql`and o.id = ${filters.objectiveId}`);
  if (filters.teamId) scoped.push(sql`and o.team_id = ${filters.teamId}`);
  const cursor = filters.before
    ? sql`and (a.created_at, a.id) < (select p.created_at, p.id from activities p where p.id = ${filters.before} and p.org_id = ${orgId})`
    : sql``;
  return queryRows<FeedRow>(
    tx,
    sql`
    with news as (
      select a.*,
        case a.entity_type
          when 'objective' then a.entity_id::uuid
          when 'key_result' then (select k.objective_id from key_results k where k.id = a.entity_id::uuid)
          when 'comment' then (a.after->>'objectiveId')::uuid
        end as resolved_objective_id,
        case a.entity_type
          when 'key_result' then a.entity_id::uuid
          when 'comment' then (a.after->>'keyResultId')::uuid
        end as resolved_key_result_id,
        case a.action
          when 'check_in.created' then (a.after->>'id')::uuid
          when 'key_result.target-reached' then (a.after->>'checkInId')::uuid
        end as resolved_check_in_id,
        case a.entity_type when 'comment' then a.entity_id::uuid end as resolved_comment_id,
        case
          when a.entity_type = 'cycle' then a.entity_id::uuid
          when a.action = 'objective.achieved' then (a.after->>'cycleId')::uuid
        end as resolved_cycle_id
      from activities a
      where a.org_id = ${orgId} and ${NEWS} ${cursor}
    )
    select n.id, n.action, n.entity_id, n.actor_id, u.name as actor_name, n.before, n.after, n.created_at,
      o.id as objective_id, o.title as objective_title, o.team_id, t.name as team_name,
      k.id as key_result_id, k.title as key_result_title, k.kind, k.start_value, k.target_value, k.target_min, k.target_max, k.milestones,
      ci.id as check_in_id, cm.body as comment_body, cm.target_type as comment_target_type, cy.name as cycle_name
    from news n
    left join objectives o on o.id = n.resolved_objective_id
    left join teams t on t.id = o.team_id
    left join key_results k on k.id = n.resolved_key_result_id
    left join check_ins ci on ci.id = n.resolved_check_in_id and not ci.deleted
    left join comments cm on cm.id = n.resolved_comment_id and cm.deleted_at is null
    left join cycles cy on cy.id = n.resolved_cycle_id
    left join users u on u.id = n.actor_id
    where (o.id is not null or n.action = 'cycle.closed')
      and (o.id is null or ${objectiveVisibleTo(reader, alias(objectives, 'o'))})
      and (n.resolved_check_in_id is null or ci.id is not null)
      and (n.resolved_comment_id is null or cm.id is not null)
      ${sql.join(scoped, sql` `)}
    order by n.created_at desc, n.id desc
    limit ${filters.limit}`,
  );
}

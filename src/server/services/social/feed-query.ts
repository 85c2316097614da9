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
  /** `for_me`: also say why each item matters to this person (the service orders by it). */
  reader?: string;
  /** Only news since this moment (the reader's ordering looks at a recent window). */
  since?: Date;
}

/** Why an item matters to the reader, as the query finds it; at-risk is decided from the pace columns. */
export interface ReaderColumns {
  is_mine: boolean | null;
  is_depending: boolean | null;
  is_contributing: boolean | null;
  is_team: boolean | null;
  is_mention: boolean | null;
  objective_status: string | null;
  objective_progress: number | null;
  objective_start: string | null;
  cycle_start: string | null;
  cycle_end: string | null;
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
  meeting_id: string | null;
  meeting_title: string | null;
  meeting_kind: string | null;
}

// Objective updates count only when they change the status; drafts are not news until published. A part posted to an
// asynchronous meeting is news for everyone but a one-on-one's (that stays between its two people).
const NEWS = sql`(
  a.action in ('check_in.created', 'key_result.target-reached', 'objective.achieved', 'cycle.closed', 'comment.created',
    'meeting.update_posted')
  or (a.action = 'objective.created' and a.after->>'status' is distinct from 'draft')
  or (a.action = 'objective.updated' and a.after->>'status' is not null and a.after->>'status' is distinct from a.before->>'status'))`;

/** The reader's reasons, computed only when asked: whose objective, which teams, who depends on what, who is mentioned. */
function readerColumns(orgId: string, reader: string | undefined): SQL {
  if (!reader) return sql``;
  const myTeams = sql`(select tm.team_id from team_members tm where tm.org_id = ${orgId} and tm.user_id = ${reader})`;
  const mentionToken = `](${reader})`;
  return sql`,
      (o.owner_id = ${reader} or k.owner_id = ${reader}
        or exists (select 1 from key_results mk where mk.objective_id = o.id and mk.owner_id = ${reader})) as is_mine,
      exists (select 1 from dependencies d where d.org_id = ${orgId} and d.providing_objective_id = o.id and d.status <> 'declined'
        and (d.requesting_team_id in ${myTeams}
          or exists (select 1 from objectives mo where mo.org_id = ${orgId} and mo.id = d.objective_id and mo.owner_id = ${reader}))) as is_depending,
      exists (select 1 from objective_contributors c where c.org_id = ${orgId} and c.objective_id = o.id
        and (c.user_id = ${reader} or c.team_id in ${myTeams})) as is_contributing,
      coalesce(o.team_id, m.team_id) in ${myTeams} as is_team,
      (position(${mentionToken} in coalesce(cm.body, '')) > 0 or position(${mentionToken} in coalesce(n.after->>'blockers', '')) > 0
        or position(${mentionToken} in coalesce(n.after->>'note', '')) > 0) as is_mention,
      o.status as objective_status, o.progress as objective_progress, o.effective_start_date as objective_start,
      oc.start_date as cycle_start, oc.end_date as cycle_end`;
}

/**
 * The feed is read from the activity log, which every write already fills in its own transaction.
 * Each activity is resolved to its objective (directly, through its key result, or as its comment
 * recorded it) or to its meeting, so team and objective feeds filter in SQL and pages stay full. Items whose
 * objective, check-in or comment has since been deleted drop out.
 */
export function feedRows(tx: Executor, reader: Reader, filters: FeedFilters): Promise<(FeedRow & Partial<ReaderColumns>)[]> {
  const orgId = reader.orgId;
  // A cycle has no objective, so these leave closed cycles to the organisation's feed.
  const scoped: SQL[] = [];
  if (filters.objectiveId) scoped.push(sql`and o.id = ${filters.objectiveId}`);
  if (filters.teamId) scoped.push(sql`and coalesce(o.team_id, m.team_id) = ${filters.teamId}`);
  const cursor = filters.before
    ? sql`and (a.created_at, a.id) < (select p.created_at, p.id from activities p where p.id = ${filters.before} and p.org_id = ${orgId})`
    : sql``;
  const since = filters.since ? sql`and a.created_at >= ${filters.since.toISOString()}` : sql``;
  return queryRows<FeedRow & Partial<ReaderColumns>>(
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
        end as resolved_cycle_id,
        case a.entity_type when 'meeting' then a.entity_id::uuid end as resolved_meeting_id
      from activities a
      where a.org_id = ${orgId} and ${NEWS} ${cursor} ${since}
    )
    select n.id, n.action, n.entity_id, n.actor_id, u.name as actor_name, n.before, n.after, n.created_at,
      o.id as objective_id, o.title as objective_title, coalesce(o.team_id, m.team_id) as team_id, t.name as team_name,
      k.id as key_result_id, k.title as key_result_title, k.kind, k.start_value, k.target_value, k.target_min, k.target_max, k.milestones,
      ci.id as check_in_id, cm.body as comment_body, cm.target_type as comment_target_type, cy.name as cycle_name,
      m.id as meeting_id, m.title as meeting_title, m.kind as meeting_kind
      ${readerColumns(orgId, filters.reader)}
    from news n
    left join objectives o on o.id = n.resolved_objective_id
    left join meetings m on m.id = n.resolved_meeting_id and m.org_id = ${orgId} and m.audience <> 'pair'
    left join teams t on t.id = coalesce(o.team_id, m.team_id)
    left join cycles oc on oc.id = o.cycle_id
    left join key_results k on k.id = n.resolved_key_result_id
    left join check_ins ci on ci.id = n.resolved_check_in_id and not ci.deleted
    left join comments cm on cm.id = n.resolved_comment_id and cm.deleted_at is null
    left join cycles cy on cy.id = n.resolved_cycle_id
    left join users u on u.id = n.actor_id
    where (o.id is not null or n.action = 'cycle.closed' or m.id is not null)
      and (o.id is null or ${objectiveVisibleTo(reader, alias(objectives, 'o'))})
      and (n.resolved_check_in_id is null or ci.id is not null)
      and (n.resolved_comment_id is null or cm.id is not null)
      ${sql.join(scoped, sql` `)}
    order by n.created_at desc, n.id desc
    limit ${filters.limit}`,
  );
}

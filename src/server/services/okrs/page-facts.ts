import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/database.js';
import { queryBuiltPrepared, queryPrepared } from '../../../db/prepared-statements.js';
import { shapedStatement } from '../../../db/statement-shapes.js';
import { pgArray } from '../../../db/pg-array.js';
import { objectives, type cycles, type keyResults, type OrganizationSettings } from '../../../db/schema/index.js';
import type { TeamMemberRole } from '../../../domain/vocabulary.js';
import { isAdmin } from '../../policies/roles.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';
import type { MeasureField } from './target-changes.js';

type CycleRow = typeof cycles.$inferSelect;
type ObjectiveRow = typeof objectives.$inferSelect;

/** What a page's objectives are presented against: the cycle's dates and whether it is closed. */
export type PageCycle = Pick<CycleRow, 'id' | 'name' | 'status' | 'startDate' | 'endDate'>;

/** A key result as a page presents it: its columns but the timestamps, the day it was created, its owner's name. */
export type PageKeyResult = Omit<typeof keyResults.$inferSelect, 'orgId' | 'position' | 'createdAt' | 'updatedAt'> & {
  /** created_at's calendar date in UTC (what `toISOString().slice(0, 10)` of the timestamp gives). */
  createdOn: string;
  ownerName: string | null;
};

/** One recorded activity of measure changes on a key result: `at` in milliseconds since the epoch, truncated. */
export interface PageMeasureChanges {
  keyResultId: string;
  atMs: number;
  by: string | null;
  after: { changes: { field: MeasureField; from: unknown; to: unknown }[] };
}

/** An alignment of a page's objective, named by the objective it leads to (the key result's, for a key result). */
export interface ParentLink {
  id: string;
  childObjectiveId: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  parentTitle: string;
  parentLinkObjectiveId: string;
}

export interface PageFacts {
  org: { timeZone: string; settings: OrganizationSettings } | null;
  cycles: PageCycle[];
  /** The page's teams: their check-in cadence and name. */
  teams: { id: string; cadence: string; name: string }[];
  /** The actor's memberships: what they may do with each objective is decided without a query each. */
  myTeams: { teamId: string; role: TeamMemberRole }[];
  /** The names of the objectives' owners (key result owners come with the key results). */
  owners: { id: string; name: string }[];
  contributors: { objectiveId: string; userId: string | null; teamId: string | null }[];
  viewers: { objectiveId: string; userId: string }[];
  /** The objectives' key results in their order, each with its owner's name. */
  keyResults: PageKeyResult[];
  /** The alignments whose parent the reader may see (a parent they may not see is not named). */
  parents: ParentLink[];
  /** The key results' recorded measure changes, oldest first. */
  measureChanges: PageMeasureChanges[];
}

/** The objective an alignment leads to, to ask whether the reader sees it. */
const linked = alias(objectives, 'lo');

/** A page's objectives: already read (their ids), or the statement that finds them, run inside the facts' own. */
export type PageSource =
  | { ids: { objectives: readonly string[]; cycles: readonly string[]; teams: readonly string[]; owners: readonly string[] } }
  | {
      query: SQLWrapper;
      /** One more JSON value read in the same statement, beside the page (it may read `page`): returned as `also`. */
      also?: SQL;
    };

/** The objective columns as JSON, timestamps in truncated epoch milliseconds (a Date's precision). */
const objectiveJson = sql`json_build_object('id', p.id, 'orgId', p.org_id, 'cycleId', p.cycle_id, 'title', p.title,
  'description', p.description, 'whyImportant', p.why_important, 'whyUrgent', p.why_urgent, 'ownerId', p.owner_id,
  'teamId', p.team_id, 'type', p.type, 'weight', p.weight, 'progressDriver', p.progress_driver, 'status', p.status,
  'standaloneReason', p.standalone_reason, 'progress', p.progress, 'score', p.score, 'effectiveStartDate', p.effective_start_date,
  'previousObjectiveId', p.previous_objective_id, 'pillarId', p.pillar_id, 'annualObjectiveId', p.annual_objective_id,
  'visibility', p.visibility, 'announcedStatus', p.announced_status,
  'createdAtMs', floor(extract(epoch from p.created_at) * 1000), 'updatedAtMs', floor(extract(epoch from p.updated_at) * 1000))`;

/** An objective row as the facts statement returns it, before its timestamps become dates. */
type ObjectiveJson = Omit<ObjectiveRow, 'createdAt' | 'updatedAt'> & { createdAtMs: number; updatedAtMs: number };

/**
 * Everything a page of objectives needs besides the objectives themselves, in ONE statement of JSON aggregates:
 * each statement cost a socket write, a parse and a plan, and the Node work of a drizzle query (issue 12: the team
 * page was 5 statements where its floor is one). Given the statement that finds the objectives (a team page), it runs
 * inside this one and the objectives come back with the facts: one round trip for the whole page. Every part is
 * scoped by the organisation; the parents' visibility is decided per link on the linked objective, read by primary
 * key, never a condition under an OR (PostgreSQL planned that probe afresh on every call, the largest cost of a team
 * page at 10,000 people). A named statement: its text is fixed, its plan kept (db/prepared-statements.ts).
 */
export async function pageFacts(db: Executor, reader: Reader, source: PageSource): Promise<FoundFacts> {
  return factsOf(await queryPrepared<FactsRow>(db, pageFactsStatement(reader, source)));
}

/**
 * As pageFacts, the statement built once per shape (db/statement-shapes.ts): `make` gives the reader and the source
 * for a list of values, and `key` names every other choice they depend on (the reader's role, which filters are set).
 */
export async function shapedPageFacts(db: Executor, { key, values, make }: PageShape): Promise<FoundFacts> {
  const built = shapedStatement(`page-facts ${key}`, values, (v) => {
    const { reader, source } = make(v);
    return pageFactsStatement(reader, source);
  });
  return factsOf(await queryBuiltPrepared<FactsRow>(db, built));
}

/** A page's statement by shape: `make` gives the reader and the source for a list of values; `key` names the rest. */
export interface PageShape {
  key: string;
  values: readonly string[];
  make: (values: readonly string[]) => { reader: Reader; source: PageSource };
}

/** A page's facts with its objectives (those the source's query found; null for a source of ids) and `also`. */
export type FoundFacts = PageFacts & { objectives: ObjectiveRow[] | null; also: unknown };
type FactsRow = PageFacts & { objectives: ObjectiveJson[] | null; also: unknown };

function factsOf([row]: FactsRow[]): FoundFacts {
  const { objectives: found, ...facts } = row!;
  return {
    ...facts,
    objectives:
      found?.map(({ createdAtMs, updatedAtMs, ...o }) => ({ ...o, createdAt: new Date(createdAtMs), updatedAt: new Date(updatedAtMs) })) ??
      null,
  };
}

/** The facts' one statement for `reader` and `source`. */
function pageFactsStatement(reader: Reader, source: PageSource): SQL {
  const orgId = reader.orgId;
  // From a query, every list of ids is read from the page's own rows (`= any(array(…))` keeps the index scans).
  const fromQuery = 'query' in source;
  const ids = fromQuery
    ? {
        objectives: sql`array(select id from page)`,
        cycles: sql`array(select distinct cycle_id from page)`,
        // The teams as a semi-join on the page's rows: against an array, the kept plan read all 1,000 teams for one.
        teamOfPage: sql`t.id in (select p.team_id from page p)`,
        owners: sql`array(select distinct owner_id from page where owner_id is not null)`,
      }
    : {
        objectives: sql`${pgArray(source.ids.objectives)}::uuid[]`,
        cycles: sql`${pgArray(source.ids.cycles)}::uuid[]`,
        teamOfPage: sql`t.id = any(${pgArray(source.ids.teams)}::uuid[])`,
        owners: sql`${`{${source.ids.owners.map((id) => JSON.stringify(id)).join(',')}}`}::text[]`,
      };
  const objectiveIds = ids.objectives;
  const parentVisible = isAdmin(reader) ? sql`true` : sql`coalesce(lo.id is not null and ${objectiveVisibleTo(reader, linked)}, false)`;
  return sql`${fromQuery ? sql`with page as materialized (${source.query}) ` : sql``}select
      ${fromQuery ? sql`coalesce((select json_agg(${objectiveJson} order by p.created_at, p.id) from page p), '[]')` : sql`null`} as objectives,
      ${fromQuery && source.also ? source.also : sql`null`} as "also",
      (select json_build_object('timeZone', g.time_zone, 'settings', g.settings) from organizations g where g.id = ${orgId}) as org,
      coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'status', c.status, 'startDate', c.start_date,
        'endDate', c.end_date)) from cycles c where c.org_id = ${orgId} and c.id = any(${ids.cycles})), '[]') as cycles,
      coalesce((select json_agg(json_build_object('id', t.id, 'cadence', t.check_in_cadence, 'name', t.name))
        from teams t where t.org_id = ${orgId} and ${ids.teamOfPage}), '[]') as teams,
      coalesce((select json_agg(json_build_object('teamId', m.team_id, 'role', m.role))
        from team_members m where m.org_id = ${orgId} and m.user_id = ${reader.userId}), '[]') as "myTeams",
      coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name))
        from users u where u.org_id = ${orgId} and u.id = any(${ids.owners})), '[]') as owners,
      coalesce((select json_agg(json_build_object('objectiveId', c.objective_id, 'userId', c.user_id, 'teamId', c.team_id))
        from objective_contributors c where c.org_id = ${orgId} and c.objective_id = any(${objectiveIds})), '[]') as contributors,
      coalesce((select json_agg(json_build_object('objectiveId', v.objective_id, 'userId', v.user_id))
        from objective_viewers v where v.org_id = ${orgId} and v.objective_id = any(${objectiveIds})), '[]') as viewers,
      coalesce((select json_agg(json_build_object('id', k.id, 'objectiveId', k.objective_id, 'title', k.title, 'ownerId', k.owner_id,
          'ownerName', ku.name, 'weight', k.weight, 'kind', k.kind, 'unit', k.unit, 'startValue', k.start_value,
          'targetValue', k.target_value, 'targetMin', k.target_min, 'targetMax', k.target_max, 'currentValue', k.current_value,
          'milestones', k.milestones, 'dataReadiness', k.data_readiness, 'progress', k.progress, 'achievement', k.achievement,
          'lastCheckInDate', k.last_check_in_date, 'confidence', k.confidence, 'score', k.score, 'scoreOverride', k.score_override,
          'scoreOverrideReason', k.score_override_reason, 'effectiveStartDate', k.effective_start_date,
          'createdOn', to_char(k.created_at at time zone 'UTC', 'YYYY-MM-DD')) order by k.position, k.id)
        from key_results k left join users ku on ku.id = k.owner_id and ku.org_id = k.org_id
        where k.org_id = ${orgId} and k.objective_id = any(${objectiveIds})), '[]') as "keyResults",
      coalesce((select json_agg(json_build_object('id', a.id, 'childObjectiveId', a.child_objective_id,
          'parentObjectiveId', a.parent_objective_id, 'parentKeyResultId', a.parent_key_result_id,
          'parentTitle', coalesce(case when a.parent_objective_id is not null then po.title else pk.title end, ''),
          'parentLinkObjectiveId', coalesce(a.parent_objective_id, pk.objective_id)) order by a.created_at, a.id)
        from alignments a left join key_results pk on pk.id = a.parent_key_result_id
          left join objectives po on po.id = a.parent_objective_id
          left join objectives lo on lo.org_id = ${orgId} and lo.id = coalesce(a.parent_objective_id, pk.objective_id)
        where a.org_id = ${orgId} and a.child_objective_id = any(${objectiveIds})
          and coalesce(a.parent_objective_id, pk.objective_id) is not null and ${parentVisible}), '[]') as parents,
      coalesce((select json_agg(json_build_object('keyResultId', ac.entity_id,
          'atMs', floor(extract(epoch from ac.created_at) * 1000), 'by', au.name, 'after', ac.after) order by ac.created_at)
        from activities ac left join users au on au.id = ac.actor_id
        where ac.org_id = ${orgId} and ac.entity_type = 'key_result' and ac.action = 'key_result.target-changed'
          and ac.entity_id in (select mk.id::text from key_results mk where mk.org_id = ${orgId} and mk.objective_id = any(${objectiveIds}))), '[]')
        as "measureChanges"`;
}

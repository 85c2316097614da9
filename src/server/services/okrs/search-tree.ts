import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';
import {
  DEFAULT_STATUS_MARGINS,
  expectedProgress,
  progressStatus,
  type ProgressStatus,
  type StatusMargins,
} from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { queryPrepared, selectPrepared } from '../../../db/prepared-statements.js';
import type { Actor } from '../../auth/actor.js';
import { presentFound, type ObjectiveView } from './read-model.js';
import { keyResults, objectives, organizations, type cycles } from '../../../db/schema/index.js';
import { todayIn } from '../../clock.js';
import { ancestorsCte } from './ancestry.js';
import { ownedOrSharedWith } from './shared-objectives.js';
import { cycleSnapshot } from './cycle-graph.js';
import { childrenByParent, countChildren, linksIntoQuery, type CycleTree } from './cycle-tree.js';
import type { ObjectiveType } from '../../../domain/vocabulary.js';

export interface TreeSearch {
  /** Words in an objective's or one of its key results' title, any case. */
  q?: string;
  teamId?: string;
  /** Owns the objective or one of its key results. */
  ownerId?: string;
  type?: ObjectiveType;
  progressStatus?: ProgressStatus;
}

export const isSearching = (s: TreeSearch) => Boolean(s.q?.trim() || s.teamId || s.ownerId || s.type || s.progressStatus);

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The statement of the objectives matching every filter but the status, with their stored progress. */
function candidatesQuery(db: Executor, reader: Reader, cycleId: string, search: TreeSearch) {
  const orgId = reader.orgId;
  const ownKr = (condition: SQL) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(keyResults)
        .where(and(eq(keyResults.objectiveId, objectives.id), condition)),
    );
  const conditions: (SQL | undefined)[] = [eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId), objectiveVisibleTo(reader)];
  const q = search.q?.trim();
  if (q) {
    // Each title is matched on its own trigram index (migration 0043) and the matches read by primary key. Under an
    // OR the objectives' index went unused and every title of the cycle was matched (scale 1: 12,500 per search).
    // No organisation condition inside: it could lead a planner without statistics (PGlite) away from the trigram
    // indexes to the organisation's every key result; the outer conditions scope the matches to the org and cycle.
    const pattern = likePattern(q);
    const matching = sql`select mo.id from objectives mo where mo.title ilike ${pattern}
      union select mk.objective_id from key_results mk where mk.title ilike ${pattern}`;
    conditions.push(sql`${objectives.id} = any(array(${matching}))`);
  }
  // A team's tree holds what it owns and what it contributes to (shared objectives, marked by their contributors).
  if (search.teamId) conditions.push(ownedOrSharedWith(db, orgId, search.teamId));
  if (search.ownerId) conditions.push(or(eq(objectives.ownerId, search.ownerId), ownKr(eq(keyResults.ownerId, search.ownerId))));
  if (search.type) conditions.push(eq(objectives.type, search.type));
  return db
    .select({
      id: objectives.id,
      progress: objectives.progress,
      status: objectives.status,
      effectiveStartDate: objectives.effectiveStartDate,
    })
    .from(objectives)
    .where(and(...conditions));
}

/** Objectives matching every filter but the status, with their progress (as of a date, for time travel). */
async function candidates(db: Executor, reader: Reader, cycleId: string, search: TreeSearch, asOf?: string) {
  const orgId = reader.orgId;
  const rows = await selectPrepared(candidatesQuery(db, reader, cycleId, search));
  if (!asOf || !search.progressStatus) return rows;
  const snapshot = await cycleSnapshot(db, orgId, cycleId, asOf);
  return rows.map((r) => ({ ...r, progress: snapshot.objectives.get(r.id) ?? 0 }));
}

/** Status needs the organisation's margins and its today (or the time-travel date). */
async function statusFilter(
  db: Executor,
  orgId: string,
  cycle: typeof cycles.$inferSelect,
  wanted: ProgressStatus,
  now: Date,
  asOf?: string,
) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const margins: StatusMargins = { ...DEFAULT_STATUS_MARGINS, ...(org?.settings ?? {}) };
  const date = asOf ?? todayIn(org?.timeZone ?? 'UTC', now);
  return (objective: Pick<typeof objectives.$inferSelect, 'status' | 'effectiveStartDate'>, progress: number) =>
    objective.status !== 'draft' &&
    progressStatus(progress, expectedProgress(cycle, date, objective.effectiveStartDate), margins) === wanted;
}

/**
 * The matches and every objective above them (through parent objectives and parent key results) in ONE statement:
 * without a status filter nothing needs deciding in Node between the two (issue 12: one round trip less per search).
 */
async function matchesAndPaths(db: Executor, reader: Reader, cycleId: string, search: TreeSearch) {
  const onPaths = await queryPrepared<{ id: string; matched: boolean }>(
    db,
    sql`with recursive found as (${candidatesQuery(db, reader, cycleId, search)}), ${ancestorsCte(sql`select id from found`)}
      select up.id, exists (select 1 from found f where f.id = up.id) as matched from up`,
  );
  return { matched: new Set(onPaths.filter((r) => r.matched).map((r) => r.id)), pathIds: onPaths.map((r) => r.id) };
}

/** With a status filter: the candidates, those of the wanted status (decided in Node), then the paths above them. */
async function statusMatchesAndPaths(
  db: Executor,
  reader: Reader,
  cycle: typeof cycles.$inferSelect,
  search: TreeSearch,
  wanted: ProgressStatus,
  options: { now: Date; asOf?: string },
) {
  const found = await candidates(db, reader, cycle.id, search, options.asOf);
  const keep = await statusFilter(db, reader.orgId, cycle, wanted, options.now, options.asOf);
  const matched = new Set(found.filter((r) => keep(r, r.progress)).map((r) => r.id));
  if (matched.size === 0) return { matched, pathIds: [] };
  const onPaths = await queryPrepared<{ id: string }>(
    db,
    sql`with recursive ${ancestorsCte(sql`select unnest(${pgArray([...matched])}::uuid[])`)} select id from up`,
  );
  return { matched, pathIds: onPaths.map((r) => r.id) };
}

/**
 * The cycle's tree pruned to the objectives that match and the paths down to them from their roots,
 * so a search finds objectives at any depth without loading the whole cycle. A match's children
 * come only when they match too (or lead to one). Presented as it is read: the objectives on the paths are found
 * inside the page-facts statement, beside their links and counts (issue 12: a search is two round trips).
 */
export async function searchCycleTree(
  db: Executor,
  actor: Actor,
  cycle: typeof cycles.$inferSelect,
  search: TreeSearch,
  options: { now: Date; asOf?: string },
): Promise<CycleTree & { matched: Set<string>; views: ObjectiveView[] }> {
  const orgId = actor.orgId;
  const { matched, pathIds } = search.progressStatus
    ? await statusMatchesAndPaths(db, actor, cycle, search, search.progressStatus, options)
    : await matchesAndPaths(db, actor, cycle.id, search);
  if (matched.size === 0) return { rows: [], roots: [], children: new Map(), childCount: new Map(), matched, views: [] };
  const paths = sql`${pgArray(pathIds)}::uuid[]`;
  const onPaths = db
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), sql`${objectives.id} = any(${paths})`, objectiveVisibleTo(actor)))
    .orderBy(objectives.createdAt, objectives.id);
  const [{ rows, views }, links, childCount] = await Promise.all([
    presentFound(db, actor, onPaths, options),
    selectPrepared(linksIntoQuery(db, orgId, paths)),
    countChildren(db, orgId, pathIds, undefined, actor),
  ]);
  // A path through an objective the reader may not see starts below it.
  const shown = new Set(rows.map((o) => o.id));
  const children = childrenByParent(links, shown);
  const hasParent = new Set(links.filter((l) => shown.has(l.parentObjectiveId ?? l.krObjectiveId ?? '')).map((link) => link.child));
  const roots = rows.filter((o) => !hasParent.has(o.id)).map((o) => o.id);
  return { rows, roots, children, childCount, matched, views };
}

import { and, eq, not, or, sql, type SQL } from 'drizzle-orm';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { selectPrepared } from '../../../db/prepared-statements.js';
import { alignments, keyResults, objectiveChildren, objectives } from '../../../db/schema/index.js';
import { alignedTo, alignedToNothing } from './find-objectives.js';
import { archivedOn } from './pace-history.js';

type ObjectiveRow = typeof objectives.$inferSelect;

export interface CycleTree {
  rows: ObjectiveRow[];
  roots: string[];
  /** parent objective id → aligned child objective ids (a child with two parents appears under both). */
  children: Map<string, string[]>;
  /** How many objectives align to each row, loaded or not: a branch below `depth` can be fetched later. */
  childCount: Map<string, number>;
}

export interface TreeLink {
  child: string;
  parentObjectiveId: string | null;
  /** The objective of the parent key result, for a link to a key result. */
  krObjectiveId: string | null;
}

/** Parent objective → its aligned children among `links`, for the given parents only; each child once. */
export function childrenByParent(links: readonly TreeLink[], parents: ReadonlySet<string>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const link of links) {
    const parent = link.parentObjectiveId ?? link.krObjectiveId;
    if (!parent || !parents.has(parent)) continue;
    const list = children.get(parent) ?? [];
    if (!list.includes(link.child)) children.set(parent, [...list, link.child]);
  }
  return children;
}

/**
 * The statement counting, per objective of `ids` (an array expression), the distinct objectives aligned to it that
 * are not archived (then, with `asOf`) and that the viewer may see. Read from objective_children, where an alignment
 * to a key result is already listed under its objective, with one probe per child for both checks (issue 12: the
 * counts were half of a tree level's time in the database).
 */
export function childCountsQuery(db: Executor, orgId: string, ids: SQL, asOf?: string, viewer?: Viewer) {
  const child = alias(objectives, 'counted');
  return db
    .select({
      parent: sql<string>`${objectiveChildren.parentObjectiveId}`.as('parent'),
      count: sql<number>`count(distinct ${objectiveChildren.childObjectiveId})::int`.as('count'),
    })
    .from(objectiveChildren)
    .innerJoin(child, eq(child.id, objectiveChildren.childObjectiveId))
    .where(
      and(
        eq(objectiveChildren.orgId, orgId),
        sql`${objectiveChildren.parentObjectiveId} = any(${ids})`,
        not(archivedOn(child.id, child.status, asOf)),
        // Children the viewer may not see are not counted either.
        viewer ? objectiveVisibleTo(viewer, child) : undefined,
      ),
    )
    .groupBy(objectiveChildren.parentObjectiveId);
}

/** Per objective, how many distinct objectives align to it, directly or through one of its key results. */
export async function countChildren(
  db: Executor,
  orgId: string,
  ids: string[],
  asOf?: string,
  viewer?: Viewer,
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  // A named statement (its ids are one array parameter): planned once per connection, not on every tree level.
  const rows = await selectPrepared(childCountsQuery(db, orgId, sql`${pgArray(ids)}::uuid[]`, asOf, viewer));
  return new Map(rows.map((r) => [r.parent, r.count]));
}

/** The statement of the links into `ids` (an array expression): each child's parent objective, or its key result's. */
export const linksIntoQuery = (db: Executor, orgId: string, ids: SQL) =>
  db
    .select({ child: alignments.childObjectiveId, parentObjectiveId: alignments.parentObjectiveId, krObjectiveId: keyResults.objectiveId })
    .from(alignments)
    .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
    .where(and(eq(alignments.orgId, orgId), sql`${alignments.childObjectiveId} = any(${ids})`));

/** The links into `ids`. */
function linksInto(db: Executor, orgId: string, ids: string[]): Promise<TreeLink[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectPrepared(linksIntoQuery(db, orgId, sql`${pgArray(ids)}::uuid[]`));
}

/**
 * The statement of a tree's objectives in the cycle meeting `condition`: archived ones left out, the viewer's only.
 * With `byId`, the condition names the rows by id (an objective and those aligned to it): the cycle is then checked on
 * each row found, not searched for on its index, whose bitmap of the cycle's 12,500 objectives PostgreSQL otherwise
 * intersected with the few ids' (0.16–0.19 ms of a tree level's 1.7 in the database, issue 12).
 */
export function treeRowsQuery(
  db: Executor,
  orgId: string,
  cycleId: string,
  condition: SQL,
  options: { asOf?: string; viewer?: Viewer; byId?: boolean },
) {
  // Archived objectives leave the live tree (a search still finds them); time travel shows those live then.
  const inCycle = and(
    eq(objectives.orgId, orgId),
    options.byId ? sql`${objectives.cycleId} is not distinct from ${cycleId}` : eq(objectives.cycleId, cycleId),
    not(archivedOn(objectives.id, objectives.status, options.asOf)),
    // Without a viewer the whole tree (roll-up replays); with one, only what they may read.
    options.viewer ? objectiveVisibleTo(options.viewer) : undefined,
  );
  return db.select().from(objectives).where(and(inCycle, condition)).orderBy(objectives.createdAt);
}

/**
 * The cycle's objectives level by level from its roots (objectives aligned to nothing) or from one
 * objective, `depth` levels down. One query per level: a single level stays cheap however big the cycle.
 * Each level's links are read beside the next level, and `alongside` (presenting the rows) beside the last
 * level's links and counts: a tree level from one objective is two round trips (issue 12: reads against their floor).
 */
export async function loadCycleTree<T = undefined>(
  db: Executor,
  orgId: string,
  cycleId: string,
  options: { rootId?: string; depth: number; asOf?: string; viewer?: Viewer; alongside?: (rows: ObjectiveRow[]) => Promise<T> },
): Promise<CycleTree & { alongside: T | undefined }> {
  const { viewer } = options;
  const readLevel = (condition: SQL) => selectPrepared(treeRowsQuery(db, orgId, cycleId, condition, options));
  const { rootId } = options;
  // From one objective, its first level comes in the same statement (issue 12: one round trip less per tree level);
  // without the objective itself (missing, hidden or archived) there is no tree below it either.
  const firstRead = await readLevel(
    rootId
      ? options.depth > 0
        ? or(eq(objectives.id, rootId), alignedTo(db, orgId, [rootId]))!
        : eq(objectives.id, rootId)
      : alignedToNothing(db),
  );
  let level = rootId ? firstRead.filter((o) => o.id === rootId) : firstRead;
  let preloaded = rootId && options.depth > 0 && level.length > 0 ? firstRead.filter((o) => o.id !== rootId) : undefined;
  const rows = [...level];
  const roots = level.map((o) => o.id);
  const seen = new Set(roots);
  // Per level read: its parents and the links into it (read while the next level is).
  const steps: { parentIds: Set<string>; links: Promise<TreeLink[]> }[] = [];
  // The last level read at `depth` has its own children counted, not loaded (with depth 0, the roots).
  let countedIds = options.depth === 0 ? roots : [];
  for (let depth = 0; depth < options.depth && level.length > 0; depth++) {
    const parentIds = level.map((o) => o.id);
    const next = preloaded ?? (await readLevel(alignedTo(db, orgId, parentIds)));
    preloaded = undefined;
    const nextIds = next.map((o) => o.id);
    if (depth + 1 >= options.depth) countedIds = nextIds;
    steps.push({ parentIds: new Set(parentIds), links: linksInto(db, orgId, nextIds) });
    level = next.filter((o) => !seen.has(o.id));
    for (const o of level) seen.add(o.id);
    rows.push(...level);
  }
  const [linksPerStep, counts, alongside] = await Promise.all([
    Promise.all(steps.map((step) => step.links)),
    countChildren(db, orgId, countedIds, options.asOf, viewer),
    options.alongside?.(rows),
  ]);
  const children = new Map<string, string[]>();
  const childCount = new Map<string, number>();
  // In the order the levels were read, the counts just before the last level's links (as they were read in turn).
  if (steps.length === 0) for (const [id, count] of counts) childCount.set(id, count);
  steps.forEach((step, i) => {
    if (i === steps.length - 1) for (const [id, count] of counts) childCount.set(id, count);
    for (const [id, list] of childrenByParent(linksPerStep[i]!, step.parentIds)) {
      children.set(id, list);
      childCount.set(id, list.length);
    }
  });
  // Children in the order their level was read (by creation), as a branch read on its own lists them.
  const position = new Map(rows.map((o, i) => [o.id, i]));
  for (const list of children.values()) list.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  return { rows, roots, children, childCount, alongside };
}

import { and, eq, inArray, not, or, sql } from 'drizzle-orm';
import { objectiveIdVisibleTo, objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';
import type { Executor } from '../../../db/database.js';
import { alignments, keyResults, objectives } from '../../../db/schema/index.js';
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

/** Per objective, how many distinct objectives align to it, directly or through one of its key results. */
export async function countChildren(db: Executor, ids: string[], asOf?: string, viewer?: Viewer): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const theirKrs = db.select({ id: keyResults.id }).from(keyResults).where(inArray(keyResults.objectiveId, ids));
  const parent = sql<string>`coalesce(${alignments.parentObjectiveId}, ${keyResults.objectiveId})`;
  const rows = await db
    .select({ parent, count: sql<number>`count(distinct ${alignments.childObjectiveId})::int` })
    .from(alignments)
    .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
    // `= any(array(…))` keeps both branches on their indexes (see alignedTo).
    .where(
      and(
        or(inArray(alignments.parentObjectiveId, ids), sql`${alignments.parentKeyResultId} = any(array(${theirKrs}))`),
        sql`not exists (select 1 from objectives c where c.id = ${alignments.childObjectiveId} and ${archivedOn(sql`c.id`, sql`c.status`, asOf)})`,
        // Children the viewer may not see are not counted either.
        viewer ? objectiveIdVisibleTo(viewer, alignments.childObjectiveId) : undefined,
      ),
    )
    .groupBy(parent);
  return new Map(rows.map((r) => [r.parent, r.count]));
}

/**
 * The cycle's objectives level by level from its roots (objectives aligned to nothing) or from one
 * objective, `depth` levels down. One query per level: a single level stays cheap however big the cycle.
 */
export async function loadCycleTree(
  db: Executor,
  orgId: string,
  cycleId: string,
  options: { rootId?: string; depth: number; asOf?: string; viewer?: Viewer },
): Promise<CycleTree> {
  const { viewer } = options;
  // Archived objectives leave the live tree (a search still finds them); time travel shows those live then.
  const inCycle = and(
    eq(objectives.orgId, orgId),
    eq(objectives.cycleId, cycleId),
    not(archivedOn(objectives.id, objectives.status, options.asOf)),
    // Without a viewer the whole tree (roll-up replays); with one, only what they may read.
    viewer ? objectiveVisibleTo(viewer) : undefined,
  );
  const { rootId } = options;
  // From one objective, its first level comes in the same statement (issue 12: one round trip less per tree level);
  // without the objective itself (missing, hidden or archived) there is no tree below it either.
  const firstRead = await db
    .select()
    .from(objectives)
    .where(
      and(
        inCycle,
        rootId
          ? options.depth > 0
            ? or(eq(objectives.id, rootId), alignedTo(db, [rootId]))
            : eq(objectives.id, rootId)
          : alignedToNothing(db),
      ),
    )
    .orderBy(objectives.createdAt);
  let level = rootId ? firstRead.filter((o) => o.id === rootId) : firstRead;
  let preloaded = rootId && options.depth > 0 && level.length > 0 ? firstRead.filter((o) => o.id !== rootId) : undefined;
  const rows = [...level];
  const roots = level.map((o) => o.id);
  const children = new Map<string, string[]>();
  const seen = new Set(roots);
  const childCount = new Map<string, number>();
  for (let depth = 0; depth < options.depth && level.length > 0; depth++) {
    const parentIds = level.map((o) => o.id);
    const next =
      preloaded ??
      (await db
        .select()
        .from(objectives)
        .where(and(inCycle, alignedTo(db, parentIds)))
        .orderBy(objectives.createdAt));
    preloaded = undefined;
    const nextIds = next.map((o) => o.id);
    // The last loaded level's own children are counted, not loaded, beside reading its links.
    const last = depth + 1 >= options.depth;
    const [links, counts] = await Promise.all([
      nextIds.length
        ? db
            .select({
              child: alignments.childObjectiveId,
              parentObjectiveId: alignments.parentObjectiveId,
              krObjectiveId: keyResults.objectiveId,
            })
            .from(alignments)
            .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
            .where(inArray(alignments.childObjectiveId, nextIds))
        : Promise.resolve([]),
      last ? countChildren(db, nextIds, options.asOf, viewer) : Promise.resolve(new Map<string, number>()),
    ]);
    for (const [id, count] of counts) childCount.set(id, count);
    for (const [id, list] of childrenByParent(links, new Set(parentIds))) {
      children.set(id, list);
      childCount.set(id, list.length);
    }
    level = next.filter((o) => !seen.has(o.id));
    for (const o of level) seen.add(o.id);
    rows.push(...level);
  }
  // With depth 0 the roots are the last level: count theirs.
  if (options.depth === 0) for (const [id, count] of await countChildren(db, roots, options.asOf, viewer)) childCount.set(id, count);
  return { rows, roots, children, childCount };
}

import { and, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { alignments, keyResults, objectives } from '../../../db/schema/index.js';
import { objectiveIdVisibleTo, objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/** One alignment: the child objective, and its parent objective (directly, or the objective of the parent key result). */
export interface MapLink {
  child: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  /** The objective the child supports: the parent objective, or the one holding the parent key result. */
  parent: string;
}

const linkColumns = {
  child: alignments.childObjectiveId,
  parentObjectiveId: alignments.parentObjectiveId,
  parentKeyResultId: alignments.parentKeyResultId,
  krObjectiveId: keyResults.objectiveId,
};
type LinkRow = { child: string; parentObjectiveId: string | null; parentKeyResultId: string | null; krObjectiveId: string | null };
const toLinks = (rows: LinkRow[]): MapLink[] =>
  rows.flatMap((r) => {
    const parent = r.parentObjectiveId ?? r.krObjectiveId;
    return parent ? [{ child: r.child, parentObjectiveId: r.parentObjectiveId, parentKeyResultId: r.parentKeyResultId, parent }] : [];
  });

/** Every alignment whose child is an objective of the cycle, both ends visible to the reader. */
export async function cycleLinks(db: Executor, reader: Reader, cycleId: string): Promise<MapLink[]> {
  const rows = await db
    .select(linkColumns)
    .from(alignments)
    .innerJoin(objectives, eq(objectives.id, alignments.childObjectiveId))
    .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
    .where(
      and(
        eq(alignments.orgId, reader.orgId),
        eq(objectives.cycleId, cycleId),
        objectiveVisibleTo(reader),
        or(objectiveIdVisibleTo(reader, alignments.parentObjectiveId), objectiveIdVisibleTo(reader, keyResults.objectiveId)),
      ),
    );
  return toLinks(rows);
}

/**
 * Every alignment whose child is an objective of the cycle, without asking who may see either end: for callers that
 * keep only the links between objectives they already hold as visible (the department map), where the per-row
 * visibility probes of cycleLinks were most of the query.
 */
export async function cycleLinksUnchecked(db: Executor, orgId: string, cycleId: string): Promise<MapLink[]> {
  const rows = await db
    .select(linkColumns)
    .from(alignments)
    .innerJoin(objectives, and(eq(objectives.orgId, alignments.orgId), eq(objectives.id, alignments.childObjectiveId)))
    .leftJoin(keyResults, and(eq(keyResults.orgId, alignments.orgId), eq(keyResults.id, alignments.parentKeyResultId)))
    .where(and(eq(alignments.orgId, orgId), eq(objectives.cycleId, cycleId)));
  return toLinks(rows);
}

/**
 * Alignments touching the given objectives (a list of ids, or a query of them, so that a caller need not read them
 * first): as the child, as the parent, or through one of their key results.
 */
export async function linksTouching(db: Executor, orgId: string, ids: string[] | SQL): Promise<MapLink[]> {
  if (Array.isArray(ids) && ids.length === 0) return [];
  // `= any(array(…))` keeps each branch on its index (see find-objectives.ts alignedTo).
  const among = (column: SQLWrapper) => (Array.isArray(ids) ? inArray(column, ids) : sql`${column} = any(array(${ids}))`);
  const theirKrs = db
    .select({ id: keyResults.id })
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), among(keyResults.objectiveId)));
  const rows = await db
    .select(linkColumns)
    .from(alignments)
    .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
    .where(
      and(
        eq(alignments.orgId, orgId),
        or(
          among(alignments.childObjectiveId),
          among(alignments.parentObjectiveId),
          sql`${alignments.parentKeyResultId} = any(array(${theirKrs}))`,
        ),
      ),
    );
  return toLinks(rows);
}

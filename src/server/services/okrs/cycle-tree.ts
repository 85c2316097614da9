import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { alignments, keyResults, objectives } from '../../../db/schema/index.js';
import { alignedTo, alignedToNothing } from './find-objectives.js';

type ObjectiveRow = typeof objectives.$inferSelect;

export interface CycleTree {
  rows: ObjectiveRow[];
  roots: string[];
  /** parent objective id → aligned child objective ids (a child with two parents appears under both). */
  children: Map<string, string[]>;
}

/**
 * The cycle's objectives level by level from its roots (objectives aligned to nothing) or from one
 * objective, `depth` levels down. One query per level: a single level stays cheap however big the cycle.
 */
export async function loadCycleTree(db: Executor, orgId: string, cycleId: string, options: { rootId?: string; depth: number }): Promise<CycleTree> {
  const inCycle = and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId));
  let level = await db
    .select()
    .from(objectives)
    .where(and(inCycle, options.rootId ? eq(objectives.id, options.rootId) : alignedToNothing(db)))
    .orderBy(objectives.createdAt);
  const rows = [...level];
  const roots = level.map((o) => o.id);
  const children = new Map<string, string[]>();
  const seen = new Set(roots);
  for (let depth = 0; depth < options.depth && level.length > 0; depth++) {
    const parentIds = level.map((o) => o.id);
    const next = await db.select().from(objectives).where(and(inCycle, alignedTo(db, parentIds))).orderBy(objectives.createdAt);
    if (next.length === 0) break;
    const links = await db
      .select({ child: alignments.childObjectiveId, parentObjectiveId: alignments.parentObjectiveId, krObjectiveId: keyResults.objectiveId })
      .from(alignments)
      .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
      .where(inArray(alignments.childObjectiveId, next.map((o) => o.id)));
    const parentSet = new Set(parentIds);
    for (const link of links) {
      const parent = link.parentObjectiveId ?? link.krObjectiveId;
      if (!parent || !parentSet.has(parent)) continue;
      const list = children.get(parent) ?? [];
      if (!list.includes(link.child)) children.set(parent, [...list, link.child]);
    }
    level = next.filter((o) => !seen.has(o.id));
    for (const o of level) seen.add(o.id);
    rows.push(...level);
  }
  return { rows, roots, children };
}

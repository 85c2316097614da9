import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/database.js';
import { alignments, keyResults, objectives } from '../../../db/schema/index.js';
import { isAdmin } from '../../policies/roles.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

export interface ParentLink {
  id: string;
  childObjectiveId: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  /** The objective the link leads to (the key result's, for a key result) and what it is called. */
  parentTitle: string;
  parentLinkObjectiveId: string;
}

const parentObjectives = alias(objectives, 'parent_objectives');

/**
 * The alignments of these objectives whose parent (an objective, or a key result's objective) the reader may see: a
 * parent they may not see is not named. Two plain reads instead of one visibility probe per parent kind under an OR,
 * which PostgreSQL planned afresh on every call (the largest cost of a team page at 10,000 people).
 */
export async function visibleParentsOf(db: Executor, reader: Reader, childIds: readonly string[]): Promise<ParentLink[]> {
  if (childIds.length === 0) return [];
  const links = await db
    .select({
      id: alignments.id,
      childObjectiveId: alignments.childObjectiveId,
      parentObjectiveId: alignments.parentObjectiveId,
      parentKeyResultId: alignments.parentKeyResultId,
      keyResultObjectiveId: keyResults.objectiveId,
      // Named here, so a page shows where an objective aligns without loading its cycle's objectives.
      keyResultTitle: keyResults.title,
      objectiveTitle: parentObjectives.title,
    })
    .from(alignments)
    .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
    .leftJoin(parentObjectives, eq(parentObjectives.id, alignments.parentObjectiveId))
    .where(and(eq(alignments.orgId, reader.orgId), inArray(alignments.childObjectiveId, [...childIds])));
  const parentOf = (link: (typeof links)[number]) => link.parentObjectiveId ?? link.keyResultObjectiveId;
  const parentIds = [...new Set(links.flatMap((link) => parentOf(link) ?? []))];
  if (parentIds.length === 0) return [];
  const visible = isAdmin(reader)
    ? new Set(parentIds)
    : new Set(
        (
          await db
            .select({ id: objectives.id })
            .from(objectives)
            .where(and(eq(objectives.orgId, reader.orgId), inArray(objectives.id, parentIds), objectiveVisibleTo(reader)))
        ).map((row) => row.id),
      );
  return links
    .filter((link) => visible.has(parentOf(link) ?? ''))
    .map((link) => ({
      id: link.id,
      childObjectiveId: link.childObjectiveId,
      parentObjectiveId: link.parentObjectiveId,
      parentKeyResultId: link.parentKeyResultId,
      parentTitle: (link.parentObjectiveId ? link.objectiveTitle : link.keyResultTitle) ?? '',
      parentLinkObjectiveId: parentOf(link) ?? '',
    }));
}

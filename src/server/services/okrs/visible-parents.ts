import { and, eq, inArray, sql } from 'drizzle-orm';
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
/** The objective a link leads to (the parent objective, or the parent key result's), to ask whether the reader sees it. */
const linkedObjectives = alias(objectives, 'linked_objectives');

/**
 * The alignments of these objectives whose parent (an objective, or a key result's objective) the reader may see: a
 * parent they may not see is not named. One statement: the visibility of the linked objective is a column, read by
 * primary key per link, never a condition under an OR (PostgreSQL planned that probe afresh on every call, the
 * largest cost of a team page at 10,000 people), and not a second read after the links (issue 12).
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
      visible: (isAdmin(reader)
        ? sql<boolean>`true`
        : sql<boolean>`coalesce(${linkedObjectives.id} is not null and ${objectiveVisibleTo(reader, linkedObjectives)}, false)`
      ).mapWith(Boolean),
    })
    .from(alignments)
    .leftJoin(keyResults, eq(keyResults.id, alignments.parentKeyResultId))
    .leftJoin(parentObjectives, eq(parentObjectives.id, alignments.parentObjectiveId))
    .leftJoin(
      linkedObjectives,
      and(
        eq(linkedObjectives.orgId, reader.orgId),
        eq(linkedObjectives.id, sql`coalesce(${alignments.parentObjectiveId}, ${keyResults.objectiveId})`),
      ),
    )
    .where(and(eq(alignments.orgId, reader.orgId), inArray(alignments.childObjectiveId, [...childIds])));
  const parentOf = (link: (typeof links)[number]) => link.parentObjectiveId ?? link.keyResultObjectiveId;
  return links
    .filter((link) => link.visible && parentOf(link))
    .map((link) => ({
      id: link.id,
      childObjectiveId: link.childObjectiveId,
      parentObjectiveId: link.parentObjectiveId,
      parentKeyResultId: link.parentKeyResultId,
      parentTitle: (link.parentObjectiveId ? link.objectiveTitle : link.keyResultTitle) ?? '',
      parentLinkObjectiveId: parentOf(link) ?? '',
    }));
}

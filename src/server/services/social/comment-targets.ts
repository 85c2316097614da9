import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { checkIns, keyResults, objectives } from '../../../db/schema/index.js';
import { type CommentTarget } from '../../../domain/vocabulary.js';
import { notFound } from '../../errors.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/** What a comment is on, resolved inside the caller's organisation. */
export interface CommentTargetInfo {
  objectiveId: string;
  objectiveTitle: string;
  keyResultId: string | null;
  /** Who hears of new comments: the objective's owner, the key result's owner (else the objective's), the check-in's author. */
  ownerId: string | null;
  /** How notifications name it. */
  label: string;
}

const objectiveColumns = { objectiveId: objectives.id, objectiveTitle: objectives.title, objectiveOwnerId: objectives.ownerId };

/** The target, or 404 naming `targetId` (also for another organisation's ids and deleted check-ins). */
export async function resolveCommentTarget(tx: Executor, reader: Reader, type: CommentTarget, id: string): Promise<CommentTargetInfo> {
  const orgId = reader.orgId;
  // A target on an objective the reader may not see is not found either (docs/visibility.md).
  const visible = objectiveVisibleTo(reader);
  if (type === 'objective') {
    const [row] = await tx
      .select(objectiveColumns)
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.id, id), visible));
    if (!row) throw notFound('The objective', 'targetId');
    return {
      objectiveId: row.objectiveId,
      objectiveTitle: row.objectiveTitle,
      keyResultId: null,
      ownerId: row.objectiveOwnerId,
      label: `“${row.objectiveTitle}”`,
    };
  }
  if (type === 'key_result') {
    const [row] = await tx
      .select({ ...objectiveColumns, title: keyResults.title, ownerId: keyResults.ownerId })
      .from(keyResults)
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, id), visible));
    if (!row) throw notFound('The key result', 'targetId');
    return {
      objectiveId: row.objectiveId,
      objectiveTitle: row.objectiveTitle,
      keyResultId: id,
      ownerId: row.ownerId ?? row.objectiveOwnerId,
      label: `“${row.title}”`,
    };
  }
  const [row] = await tx
    .select({ ...objectiveColumns, keyResultId: keyResults.id, title: keyResults.title, authorId: checkIns.authorId, asOf: checkIns.asOf })
    .from(checkIns)
    .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.id, id), eq(checkIns.deleted, false), visible));
  if (!row) throw notFound('The check-in', 'targetId');
  return {
    objectiveId: row.objectiveId,
    objectiveTitle: row.objectiveTitle,
    keyResultId: row.keyResultId,
    ownerId: row.authorId,
    label: `the check-in of ${row.asOf} on “${row.title}”`,
  };
}

import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { commentMentions, comments } from '../../../db/schema/index.js';
import { type CommentTarget } from '../../../domain/vocabulary.js';
import { notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { NotifyContext } from '../notifications/notify.js';
import type { Scope } from '../scope.js';
import { sendCommentNotices } from './comment-notices.js';
import { resolveCommentTarget } from './comment-targets.js';
import { checkMentions, excerpt, mentionedIds } from './mentions.js';

/** The person writing: their scope, and their name for the notices. */
export type Writer = Scope & { name: string };
export interface CommentInput {
  targetType: CommentTarget;
  targetId: string;
  body: string;
}

export async function requireComment(tx: Executor, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.orgId, orgId), eq(comments.id, id), isNull(comments.deletedAt)));
  if (!row) throw notFound('The comment');
  return row;
}

async function writeMentions(tx: Executor, commentId: string, ids: string[]) {
  await tx.delete(commentMentions).where(eq(commentMentions.commentId, commentId));
  if (ids.length > 0) await tx.insert(commentMentions).values(ids.map((userId) => ({ commentId, userId })));
}

/** A comment with its mentions, its activity and its notices, in one transaction. */
export async function createComment(db: Database, writer: Writer, ctx: NotifyContext, input: CommentInput) {
  return db.transaction(async (tx) => {
    const target = await resolveCommentTarget(tx, writer.orgId, input.targetType, input.targetId);
    const mentioned = mentionedIds(input.body);
    await checkMentions(tx, writer.orgId, mentioned);
    const [comment] = await tx
      .insert(comments)
      .values({ orgId: writer.orgId, targetType: input.targetType, targetId: input.targetId, authorId: writer.actorId, body: input.body })
      .returning();
    await writeMentions(tx, comment!.id, mentioned);
    await recordActivity(tx, {
      orgId: writer.orgId,
      actorId: writer.actorId,
      action: 'comment.created',
      entityType: 'comment',
      entityId: comment!.id,
      after: {
        targetType: input.targetType,
        targetId: input.targetId,
        objectiveId: target.objectiveId,
        keyResultId: target.keyResultId,
        excerpt: excerpt(input.body),
        mentions: mentioned,
      },
    });
    const notified = await sendCommentNotices(tx, ctx, {
      orgId: writer.orgId,
      comment: comment!,
      author: { id: writer.actorId, name: writer.name },
      target,
      mentioned,
      tellOwner: true,
    });
    return { comment: comment!, notified };
  });
}

/** A new body; people it newly mentions are told, the rest are not told again. */
export async function updateComment(db: Database, writer: Writer, ctx: NotifyContext, id: string, body: string) {
  return db.transaction(async (tx) => {
    const before = await requireComment(tx, writer.orgId, id);
    const target = await resolveCommentTarget(tx, writer.orgId, before.targetType, before.targetId);
    const mentioned = mentionedIds(body);
    await checkMentions(tx, writer.orgId, mentioned);
    const earlier = new Set(
      (await tx.select({ userId: commentMentions.userId }).from(commentMentions).where(eq(commentMentions.commentId, id))).map(
        (m) => m.userId,
      ),
    );
    const [comment] = await tx.update(comments).set({ body }).where(eq(comments.id, id)).returning();
    await writeMentions(tx, id, mentioned);
    await recordActivity(tx, {
      orgId: writer.orgId,
      actorId: writer.actorId,
      action: 'comment.updated',
      entityType: 'comment',
      entityId: id,
      before: { body: before.body },
      after: { body },
    });
    const fresh = mentioned.filter((userId) => !earlier.has(userId));
    const notified = await sendCommentNotices(tx, ctx, {
      orgId: writer.orgId,
      comment: comment!,
      author: { id: writer.actorId, name: writer.name },
      target,
      mentioned: fresh,
      tellOwner: false,
    });
    return { comment: comment!, notified };
  });
}

/** Soft delete: the text stays in the activity history for audits, not on the page. */
export async function deleteComment(db: Database, scope: Scope, id: string) {
  return db.transaction(async (tx) => {
    const before = await requireComment(tx, scope.orgId, id);
    await tx.update(comments).set({ deletedAt: new Date() }).where(eq(comments.id, id));
    await recordActivity(tx, { ...scope, action: 'comment.deleted', entityType: 'comment', entityId: id, before });
    return before;
  });
}

import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { commentMentions, comments } from '../../../db/schema/index.js';
import { type CommentTarget } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeCommentChange } from '../../policies/comments.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { noticesFor, scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { sendCommentNotices } from './comment-notices.js';
import { resolveCommentTarget } from './comment-targets.js';
import { checkMentions, excerpt, mentionedIds } from './mentions.js';

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

/** A comment with its mentions, its activity and its notices, in one transaction; open pages hear of it after. */
export async function createComment(deps: ServiceDeps, actor: Actor, input: CommentInput) {
  const writer = { ...scopeOf(actor), name: actor.name };
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const target = await resolveCommentTarget(tx, actor, input.targetType, input.targetId);
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
    const notices = noticesFor(deps, announce);
    if (notices)
      await sendCommentNotices(tx, notices, {
        orgId: writer.orgId,
        comment: comment!,
        author: { id: writer.actorId, name: writer.name },
        target,
        mentioned,
        tellOwner: true,
      });
    announce.changed('comment', input.targetId, target.objectiveId);
    return comment!;
  });
}

/** A new body (its author or an admin); people it newly mentions are told, the rest are not told again. */
export async function updateComment(deps: ServiceDeps, actor: Actor, id: string, body: string) {
  const writer = { ...scopeOf(actor), name: actor.name };
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const before = await requireComment(tx, writer.orgId, id);
    authorizeCommentChange(actor, before.authorId);
    const target = await resolveCommentTarget(tx, actor, before.targetType, before.targetId);
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
    const notices = noticesFor(deps, announce);
    if (notices)
      await sendCommentNotices(tx, notices, {
        orgId: writer.orgId,
        comment: comment!,
        author: { id: writer.actorId, name: writer.name },
        target,
        mentioned: fresh,
        tellOwner: false,
      });
    announce.changed('comment', before.targetId, target.objectiveId);
    return comment!;
  });
}

/** Soft delete (its author or an admin): the text stays in the activity history for audits, not on the page. */
export async function deleteComment(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const before = await requireComment(tx, actor.orgId, id);
    authorizeCommentChange(actor, before.authorId);
    await tx.update(comments).set({ deletedAt: new Date() }).where(eq(comments.id, id));
    await recordActivity(tx, { ...scopeOf(actor), action: 'comment.deleted', entityType: 'comment', entityId: id, before });
    announce.changed('comment', before.targetId);
    return before;
  });
}

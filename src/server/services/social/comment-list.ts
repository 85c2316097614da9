import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Reader } from '../visibility/objective-visible.js';
import type { Executor } from '../../../db/database.js';
import { commentMentions, comments, users } from '../../../db/schema/index.js';
import { type CommentTarget } from '../../../domain/vocabulary.js';
import { resolveCommentTarget } from './comment-targets.js';
import { reactionSummaries, type ReactionSummary } from './reactions.js';

type CommentRow = typeof comments.$inferSelect;

export interface CommentWithPeople {
  comment: CommentRow;
  authorName: string | null;
  mentions: { id: string; name: string }[];
  reactions: ReactionSummary[];
}

/** Adds author names, mentioned people and reactions to comment rows, in three queries whatever their number. */
export async function withPeople(tx: Executor, rows: CommentRow[], viewerId: string): Promise<CommentWithPeople[]> {
  const ids = rows.map((c) => c.id);
  if (ids.length === 0) return [];
  const authorIds = [...new Set(rows.map((c) => c.authorId).filter((id): id is string => id !== null))];
  const authors = authorIds.length
    ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))
    : [];
  const mentions = await tx
    .select({ commentId: commentMentions.commentId, id: users.id, name: users.name })
    .from(commentMentions)
    .innerJoin(users, eq(users.id, commentMentions.userId))
    .where(inArray(commentMentions.commentId, ids));
  const reactions = await reactionSummaries(tx, 'comment', ids, viewerId);
  return rows.map((comment) => ({
    comment,
    authorName: authors.find((a) => a.id === comment.authorId)?.name ?? null,
    mentions: mentions.filter((m) => m.commentId === comment.id).map(({ id, name }) => ({ id, name })),
    reactions: reactions.get(comment.id) ?? [],
  }));
}

/** A target's comments, oldest first (a conversation reads top-down); 404 on `targetId` for unknown targets. */
export async function listComments(
  tx: Executor,
  reader: Reader,
  targetType: CommentTarget,
  targetId: string,
): Promise<CommentWithPeople[]> {
  const { orgId, userId: viewerId } = reader;
  await resolveCommentTarget(tx, reader, targetType, targetId);
  const rows = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.orgId, orgId), eq(comments.targetType, targetType), eq(comments.targetId, targetId), isNull(comments.deletedAt)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return withPeople(tx, rows, viewerId);
}

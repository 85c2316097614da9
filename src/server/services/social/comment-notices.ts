import type { Executor } from '../../../db/database.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import type { CommentTargetInfo } from './comment-targets.js';
import { excerpt } from './mentions.js';

export interface CommentNotices {
  orgId: string;
  comment: { id: string; body: string };
  author: { id: string; name: string };
  target: CommentTargetInfo;
  /** People to tell they were mentioned (on an edit: only the newly mentioned). */
  mentioned: string[];
  /** A new comment also tells the target's owner; an edit does not. */
  tellOwner: boolean;
}

/**
 * Inside the comment's transaction: a `mention` for each mentioned person and a `comment` for the
 * target's owner, never for the author themselves, and one notice per person (a mention wins).
 * Dedupe keys make a comment notify a person of each kind at most once, edits included.
 * notify() tells the context's announcer whom it notified, so their pages hear of it after commit.
 */
export async function sendCommentNotices(tx: Executor, ctx: NotifyContext, input: CommentNotices): Promise<void> {
  const { orgId, comment, author, target } = input;
  const common = {
    orgId,
    body: excerpt(comment.body, 280),
    link: `/objectives/${target.objectiveId}`,
    objectiveId: target.objectiveId,
    entityType: 'comment',
    entityId: comment.id,
  };
  for (const userId of input.mentioned) {
    if (userId === author.id) continue;
    await notify(tx, ctx, {
      ...common,
      userId,
      kind: 'mention',
      title: `${author.name} mentioned you on ${target.label}`,
      dedupeKey: `mention:${comment.id}`,
    });
  }
  const owner = target.ownerId;
  if (input.tellOwner && owner && owner !== author.id && !input.mentioned.includes(owner)) {
    await notify(tx, ctx, {
      ...common,
      userId: owner,
      kind: 'comment',
      title: `${author.name} commented on ${target.label}`,
      dedupeKey: `comment:${comment.id}`,
    });
  }
}

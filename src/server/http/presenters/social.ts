import type { notifications } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { commentAbilities } from '../../policies/comments.js';
import type { CommentWithPeople } from '../../services/social/comment-list.js';
import type { FeedItem } from '../../services/social/feed.js';
import { iso } from '../schemas.js';

/** A comment as the viewer sees it, with what they may do with it. */
export const presentComment =
  (viewer: Actor) =>
  ({ comment: c, authorName, mentions, reactions }: CommentWithPeople) => ({
    id: c.id,
    targetType: c.targetType,
    targetId: c.targetId,
    authorId: c.authorId,
    authorName,
    body: c.body,
    mentions,
    createdAt: iso(c.createdAt)!,
    updatedAt: iso(c.updatedAt)!,
    // A second's grace: the insert and the row's defaults are not one instant.
    edited: c.updatedAt.getTime() - c.createdAt.getTime() > 1000,
    reactions,
    can: commentAbilities(viewer, c.authorId),
  });

export const presentNotification = (n: typeof notifications.$inferSelect) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  entityType: n.entityType,
  entityId: n.entityId,
  createdAt: iso(n.createdAt)!,
  readAt: iso(n.readAt),
});

export const presentFeedItem = (item: FeedItem) => ({ ...item, createdAt: iso(item.createdAt)! });

// Comments, reactions, the feed and notifications as the API presents them: derived from the server's
// zod response schemas (type-only imports, nothing of the server is bundled).
import type { z } from 'zod';
import type { commentView, notificationView, preferencesView, reactionSummary } from '../../server/http/social/schema.js';
import type { feedPage } from '../../server/http/social/feed-schema.js';
import { REACTION_EMOJIS, type ReactionEmoji } from '../../domain/reactions.js';

export const EMOJIS = REACTION_EMOJIS;
export const EMOJI_NAMES: Record<ReactionEmoji, string> = {
  '👍': 'thumbs up',
  '🎉': 'celebrate',
  '❤️': 'love',
  '👀': 'looking',
  '🙏': 'thanks',
};

export type Reaction = z.infer<typeof reactionSummary>;
export type Comment = z.infer<typeof commentView>;
export type CommentTargetType = Comment['targetType'];
export type FeedItem = z.infer<typeof feedPage>['items'][number];
export type FeedKind = FeedItem['kind'];
export type ReactionTargetType = NonNullable<FeedItem['reactionTarget']>['type'];
export type Notification = z.infer<typeof notificationView>;
export type NotificationKind = Notification['kind'];
export type Preferences = z.infer<typeof preferencesView>;

// Comments, reactions, the feed and notifications as the API presents them (src/server/http/social/).
export type CommentTargetType = 'objective' | 'key_result' | 'check_in';
export type ReactionTargetType = 'comment' | 'check_in';
export const EMOJIS = ['👍', '🎉', '❤️', '👀', '🙏'] as const;
export const EMOJI_NAMES: Record<(typeof EMOJIS)[number], string> = { '👍': 'thumbs up', '🎉': 'celebrate', '❤️': 'love', '👀': 'looking', '🙏': 'thanks' };

export interface Reaction {
  emoji: (typeof EMOJIS)[number];
  count: number;
  mine: boolean;
  names: string[];
}

export interface Comment {
  id: string;
  targetType: CommentTargetType;
  targetId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  mentions: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  reactions: Reaction[];
}

export type FeedKind = 'check_in' | 'celebration' | 'objective_created' | 'status_changed' | 'objective_closed' | 'cycle_closed' | 'comment';

export interface FeedItem {
  id: string;
  kind: FeedKind;
  createdAt: string;
  actor: { id: string; name: string } | null;
  objective: { id: string; title: string; teamId: string | null; teamName: string | null } | null;
  keyResult: { id: string; title: string } | null;
  checkIn: { id: string; value: number | null; confidence: number | null; note: string | null; progressBefore: number | null; progressAfter: number | null } | null;
  status: { from: string | null; to: string } | null;
  comment: { id: string; excerpt: string; on: string } | null;
  cycle: { id: string; name: string } | null;
  reactionTarget: { type: ReactionTargetType; id: string } | null;
  reactions: Reaction[];
}

export type NotificationKind = 'reminder' | 'escalation' | 'digest' | 'mention' | 'comment' | 'celebration' | 'blocker';

export interface Notification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Preferences {
  preferences: { kind: NotificationKind; channel: 'in_app' | 'email'; enabled: boolean }[];
  quietHours: { start: number | null; end: number | null };
  timeZone: string | null;
}

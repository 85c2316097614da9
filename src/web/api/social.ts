import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { Comment, CommentTargetType, FeedItem, Notification, Preferences, Reaction, ReactionTargetType } from './social-types.js';

export const socialKeys = {
  comments: (targetType: CommentTargetType, targetId: string) => ['comments', targetType, targetId] as const,
  reactions: (targetType: ReactionTargetType, targetId: string) => ['reactions', targetType, targetId] as const,
  feed: (teamId: string | null, order: FeedOrder = 'timeline') => ['feed', teamId, order] as const,
  notifications: ['notifications'] as const,
  preferences: ['notification-preferences'] as const,
};

/** What a live event of each type makes stale (the web's half of src/server/http/social/event-stream.ts). */
export const staleOn = {
  social: [['comments'], ['reactions'], ['feed']],
  // A review asked of me arrives as a notification: the "Reviews asked of you" list refreshes with the bell.
  notification: [socialKeys.notifications, ['review-requests']],
} as const;

const reactionPath = (type: ReactionTargetType, id: string) => `/api/v1/${type === 'comment' ? 'comments' : 'check-ins'}/${id}/reactions`;

export const useComments = (targetType: CommentTargetType, targetId: string) =>
  useQuery({
    queryKey: socialKeys.comments(targetType, targetId),
    queryFn: () => api<Comment[]>(`/api/v1/comments?targetType=${targetType}&targetId=${targetId}`),
  });

export const useReactions = (type: ReactionTargetType, id: string, enabled = true) =>
  useQuery({ queryKey: socialKeys.reactions(type, id), queryFn: () => api<Reaction[]>(reactionPath(type, id)), enabled });

/** Adds or takes back the caller's emoji; answers the target's reactions. */
export const toggleReaction = (type: ReactionTargetType, id: string, emoji: string, on: boolean) =>
  api<Reaction[]>(`${reactionPath(type, id)}/${encodeURIComponent(emoji)}`, { method: on ? 'PUT' : 'DELETE' });

export type FeedOrder = 'timeline' | 'for_me';

export const useFeed = (teamId: string | null, order: FeedOrder = 'timeline') =>
  useInfiniteQuery({
    queryKey: socialKeys.feed(teamId, order),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({
        limit: '20',
        order,
        ...(teamId ? { teamId } : {}),
        ...(pageParam ? { before: pageParam } : {}),
      });
      return api<{ items: FeedItem[]; nextBefore: string | null }>(`/api/v1/feed?${query.toString()}`);
    },
    getNextPageParam: (last) => last.nextBefore,
  });

export const useNotifications = (enabled = true) =>
  useQuery({
    queryKey: socialKeys.notifications,
    enabled,
    queryFn: () => api<{ items: Notification[]; unread: number }>('/api/v1/notifications?limit=50'),
    // The live stream usually refreshes it; this covers a stream that could not connect.
    refetchInterval: 120_000,
  });

export const usePreferences = () =>
  useQuery({ queryKey: socialKeys.preferences, queryFn: () => api<Preferences>('/api/v1/me/notification-preferences') });

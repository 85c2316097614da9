import { Card, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { staleOn, useComments } from '../api/social.js';
import type { CommentTargetType } from '../api/social-types.js';
import { CommentForm } from './social/CommentForm.js';
import { CommentItem } from './social/CommentItem.js';

const NAMES: Record<CommentTargetType, string> = { objective: 'this objective', key_result: 'this key result', check_in: 'this check-in' };

/**
 * The conversation on an objective, key result or check-in: comments oldest first and a box to
 * add one, with @-mentions. On an objective it is a card with a heading; nested in a key result or
 * check-in it is a plain region.
 */
export function CommentsPanel({ targetType, targetId }: { targetType: CommentTargetType; targetId: string }) {
  const queryClient = useQueryClient();
  const comments = useComments(targetType, targetId);
  const post = async (body: string) => {
    await api('/api/v1/comments', { method: 'POST', body: { targetType, targetId, body } });
    await Promise.all(staleOn.social.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
  const list = (
    <Stack gap="xs">
      {comments.isPending && (
        <Text size="sm" c="dimmed">
          Loading comments…
        </Text>
      )}
      {comments.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      )}
      {(comments.data ?? []).map((comment) => (
        <CommentItem key={comment.id} comment={comment} />
      ))}
      <CommentForm label={`Comment on ${NAMES[targetType]}`} submitLabel="Post comment" onSubmit={post} />
    </Stack>
  );
  if (targetType !== 'objective') return <section aria-label={`Comments on ${NAMES[targetType]}`}>{list}</section>;
  return (
    <Card withBorder component="section" aria-labelledby={`comments-${targetId}`}>
      <Title order={2} size="h4" mb="xs" id={`comments-${targetId}`}>
        Comments
      </Title>
      {list}
    </Card>
  );
}

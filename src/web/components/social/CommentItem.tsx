import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { staleOn } from '../../api/social.js';
import type { Comment } from '../../api/social-types.js';
import { CommentBody } from './CommentBody.js';
import { CommentForm } from './CommentForm.js';
import { ReactionBar } from './ReactionBar.js';
import { when } from './when.js';

/** One comment: who, when, what; edit and delete show when the API says the caller may (its author or an admin); anyone reacts. */
export function CommentItem({ comment }: { comment: Comment }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => Promise.all(staleOn.social.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const mayChange = comment.can.edit;
  const author = comment.authorName ?? 'Someone';
  const save = async (body: string) => {
    await api(`/api/v1/comments/${comment.id}`, { method: 'PATCH', body: { body } });
    await refresh();
    setEditing(false);
  };
  const remove = async () => {
    await api(`/api/v1/comments/${comment.id}`, { method: 'DELETE' });
    await refresh();
  };
  return (
    <Stack
      gap={4}
      component="article"
      aria-label={`Comment by ${author}`}
      pt="xs"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm">
          <strong>{author}</strong>{' '}
          <Text span size="xs" c="dimmed">
            {when(comment.createdAt)}
          </Text>
          {comment.edited && (
            <Badge ml={6} size="xs" variant="light" color="gray">
              edited
            </Badge>
          )}
        </Text>
        {mayChange && !editing && (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} aria-label={`Edit comment by ${author}`}>
              Edit
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove()} aria-label={`Delete comment by ${author}`}>
              Delete
            </Button>
          </Group>
        )}
      </Group>
      {editing ? (
        <CommentForm label="Edit comment" initial={comment.body} submitLabel="Save" onSubmit={save} onCancel={() => setEditing(false)} />
      ) : (
        <CommentBody body={comment.body} />
      )}
      <ReactionBar type="comment" id={comment.id} reactions={comment.reactions} label={`the comment by ${author}`} />
    </Stack>
  );
}

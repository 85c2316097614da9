import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { decideReview, reviewsAskedKey } from '../../api/review-requests.js';

/** The named reviewer's answer: approve or ask for changes, with a comment that joins the objective's comments. */
export function ReviewDecisionForm(props: { requestId: string; requesterName: string; onDecided: () => void }) {
  const { requestId, requesterName } = props;
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'request_changes') => decideReview(requestId, { decision, comment: comment.trim() || null }),
    onSuccess: async () => {
      await Promise.all([['objectives'], ['comments'], reviewsAskedKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      // The form goes with the open request: focus moves to the panel rather than being lost.
      props.onDecided();
    },
  });
  const refusal = decide.error instanceof ApiError ? decide.error.message : decide.error ? String(decide.error) : null;
  return (
    <Stack gap="xs">
      <Textarea
        label={`Comment for ${requesterName}`}
        description="Posted as a comment on the objective"
        autosize
        minRows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          size="xs"
          color="teal"
          loading={decide.isPending && decide.variables === 'approve'}
          onClick={() => decide.mutate('approve')}
        >
          Approve
        </Button>
        <Button
          size="xs"
          variant="light"
          color="orange"
          loading={decide.isPending && decide.variables === 'request_changes'}
          onClick={() => decide.mutate('request_changes')}
        >
          Request changes
        </Button>
      </Group>
      {refusal && (
        <Alert color="red" role="alert">
          {refusal}
        </Alert>
      )}
    </Stack>
  );
}

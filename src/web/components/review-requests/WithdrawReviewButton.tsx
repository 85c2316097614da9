import { Alert, Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.js';
import { reviewsAskedKey, withdrawReview } from '../../api/review-requests.js';

/** Withdraws an open review request (who asked, or an admin): the reviewer's notice goes with it. */
export function WithdrawReviewButton(props: { requestId: string; reviewerName: string; onWithdrawn: () => void }) {
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => withdrawReview(props.requestId),
    onSuccess: async () => {
      await Promise.all([['objectives'], reviewsAskedKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      // The button goes with the open request: focus moves to the panel rather than being lost.
      props.onWithdrawn();
    },
  });
  const refusal = withdraw.error instanceof ApiError ? withdraw.error.message : withdraw.error ? String(withdraw.error) : null;
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        size="xs"
        variant="subtle"
        color="gray"
        loading={withdraw.isPending}
        onClick={() => withdraw.mutate()}
        aria-label={`Withdraw the review request to ${props.reviewerName}`}
      >
        Withdraw
      </Button>
      {refusal && (
        <Alert color="red" role="alert">
          {refusal}
        </Alert>
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { objectiveReviewsKey, requestReview, type ObjectiveReviews } from '../../api/review-requests.js';

const ROLE_WORDS: Record<string, string> = { owner: 'owner', admin: 'admin', champion: 'OKR champion', member: 'member' };

/** Who is asked and why: the picker lists only the people the API accepts (champions, admins, the team's leads). */
export function RequestReviewModal(props: {
  objectiveId: string;
  reviewers: ObjectiveReviews['reviewers'];
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const ask = useMutation({
    mutationFn: () => requestReview(props.objectiveId, { reviewerId: reviewerId ?? '', note: note.trim() || null }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: objectiveReviewsKey(props.objectiveId) });
      setReviewerId(null);
      setNote('');
      props.onClose();
    },
  });
  const refusal = ask.error instanceof ApiError ? ask.error.message : ask.error ? String(ask.error) : null;
  const options = props.reviewers.map((r) => ({
    value: r.id,
    label: `${r.name} (${r.leadsTeam && r.role !== 'champion' ? 'team lead' : ROLE_WORDS[r.role]})`,
  }));
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Request a review">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          ask.mutate();
        }}
      >
        <Stack gap="sm">
          <Select
            data-autofocus
            label="Reviewer"
            description="An OKR champion, an admin or a lead of the team"
            placeholder="Choose a reviewer"
            data={options}
            value={reviewerId}
            onChange={setReviewerId}
            searchable
            required
            nothingFoundMessage="Nobody to ask"
          />
          <Textarea
            label="Note for the reviewer"
            placeholder="What should they look at?"
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {refusal && (
            <Alert color="red" role="alert">
              {refusal}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={ask.isPending} disabled={!reviewerId}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

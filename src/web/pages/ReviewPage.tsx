import { Alert, Card, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { progressKeys, useCycles } from '../api/okr-queries.js';
import { confirmScore, useReviewBoard } from '../api/review.js';
import type { Me } from '../api/types.js';
import { ClosingNoteButton } from '../components/review/ClosingNoteDialog.js';
import { ReviewKeyResultList } from '../components/review/ReviewKeyResultList.js';
import { RolloverButton } from '../components/review/RolloverDialog.js';

const OUTCOME_LABEL = { achieved: 'Achieved', partially: 'Partially', missed: 'Missed' } as const;

/** A cycle's review: my key results to score (confirm or override), my objectives to close with a note. */
export function ReviewPage({ me }: { me: Me }) {
  const cycles = useCycles();
  const params = useParams();
  const navigate = useNavigate();
  const reviewable = (cycles.data ?? []).filter((c) => c.status === 'review' || c.status === 'closed');
  const cycleId = params.id ?? reviewable.find((c) => c.status === 'review')?.id ?? reviewable.at(-1)?.id ?? null;
  const cycle = cycles.data?.find((c) => c.id === cycleId);
  const [everything, setEverything] = useState(false);
  const board = useReviewBoard(cycleId, !everything);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const confirm = async (id: string) => {
    setError(null);
    try {
      await confirmScore(id);
      await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not confirm the score.');
    }
  };
  return (
    <Stack style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Review</Title>
        <Group wrap="wrap">
          <Select
            label="Cycle"
            w={{ base: '100%', sm: 240 }}
            data={reviewable.map((c) => ({ value: c.id, label: `${c.name} (${c.status})` }))}
            value={cycleId}
            onChange={(id) => id && void navigate(`/cycles/${id}/review`)}
            allowDeselect={false}
          />
          <Switch label="Whole cycle" checked={everything} onChange={(e) => setEverything(e.currentTarget.checked)} />
          {cycle?.status === 'closed' && me.can.manageCycles && <RolloverButton cycle={cycle} />}
        </Group>
      </Group>
      {!cycleId && <Text>No cycle is in review yet. An admin opens the review from the cycle settings.</Text>}
      {cycle?.closedEarly && (
        <Alert color="yellow" role="status">
          {cycle.name} was closed before its end date ({cycle.endDate}).
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {board.data && (
        <>
          <Text size="sm" c="dimmed">
            Scores proposed from progress on {board.data.proposalDate}. {board.data.gaps.length} review item
            {board.data.gaps.length === 1 ? '' : 's'} still open in the whole cycle.
          </Text>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Key results to score
            </Title>
            <ReviewKeyResultList board={board.data} onConfirm={(id) => void confirm(id)} />
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Objectives to close
            </Title>
            <Stack gap="xs">
              {board.data.objectives.length === 0 && <Text size="sm">No objectives here.</Text>}
              {board.data.objectives.map((o) => (
                <Group key={o.id} justify="space-between" wrap="wrap" data-testid="review-objective">
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={600}>
                      {o.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {o.teamName ?? 'Company'} · {o.type} · score {o.score?.toFixed(2) ?? '–'} · proposed{' '}
                      {OUTCOME_LABEL[o.proposedOutcome]}
                      {o.closingNote && ` · note: ${OUTCOME_LABEL[o.closingNote.outcome]}, next ${o.closingNote.next.replace('_', ' ')}`}
                    </Text>
                  </div>
                  {o.can.writeClosingNote && board.data.status !== 'planning' && <ClosingNoteButton objective={o} />}
                </Group>
              ))}
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}

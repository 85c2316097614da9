import { Alert, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { confirmProposal, dismissProposal, useProposals, type Proposal } from '../../api/ingest.js';

/** One pushed value: confirmed with the person's judgement (confidence, note, blockers), or dismissed. */
function ProposalCard({ proposal, unit, onDone }: { proposal: Proposal; unit: string | null; onDone: () => Promise<unknown> }) {
  const [confidence, setConfidence] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [blockers, setBlockers] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      await onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work.');
    }
  };
  const what = `${proposal.value}${unit ? ` ${unit}` : ''} on ${proposal.asOf}`;
  return (
    <Card withBorder padding="xs" component="li" aria-label={`Proposed value ${what}`}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {what}
        </Text>
        <Text size="xs" c="dimmed">
          From {proposal.source}, received {proposal.createdAt.slice(0, 10)}
        </Text>
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput label="Confidence (0–10)" size="xs" min={0} max={10} value={confidence} onChange={setConfidence} />
          <Textarea label="Note" size="xs" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Textarea label="Blockers" size="xs" autosize minRows={1} value={blockers} onChange={(e) => setBlockers(e.currentTarget.value)} />
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            aria-label={`Confirm ${what}`}
            onClick={() =>
              void act(() =>
                confirmProposal(proposal.id, {
                  confidence: confidence === '' ? null : Number(confidence),
                  note: note.trim() || null,
                  blockers: blockers.trim() || null,
                }),
              )
            }
          >
            Confirm
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            c="red.9"
            aria-label={`Dismiss ${what}`}
            onClick={() => void act(() => dismissProposal(proposal.id))}
          >
            Dismiss
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** Values pushed to a key result wait here for a person's judgement: the human stays in the loop. */
export function ProposalsPanel({ keyResultId, unit, canDecide }: { keyResultId: string; unit: string | null; canDecide: boolean }) {
  const proposals = useProposals(keyResultId);
  const queryClient = useQueryClient();
  const pending = (proposals.data ?? []).filter((p) => p.status === 'proposed');
  if (pending.length === 0) return null;
  // A confirmed value moves progress everywhere: refresh all that shows it.
  const refresh = () => queryClient.invalidateQueries();
  return (
    <Stack gap="xs" component="section" aria-label="Proposed check-ins">
      <Title order={3} size="h5">
        Needs your confirmation
      </Title>
      <Stack gap="xs" component="ul" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {pending.map((p) =>
          canDecide ? (
            <ProposalCard key={p.id} proposal={p} unit={unit} onDone={refresh} />
          ) : (
            <Text key={p.id} component="li" size="sm">
              {p.value} on {p.asOf}, from {p.source}
            </Text>
          ),
        )}
      </Stack>
    </Stack>
  );
}

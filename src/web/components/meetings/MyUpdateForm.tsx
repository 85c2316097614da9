import { Alert, Button, NumberInput, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { meetingKeys, postMyUpdate } from '../../api/meetings.js';

/** The reader's asynchronous part: what happened, how confident they are, what blocks them, what they commit to. */
export function MyUpdateForm({ meetingId }: { meetingId: string }) {
  const queryClient = useQueryClient();
  const [update, setUpdate] = useState('');
  const [confidence, setConfidence] = useState<number | string>('');
  const [blockers, setBlockers] = useState('');
  const [commitments, setCommitments] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await postMyUpdate(meetingId, {
        update,
        confidence: typeof confidence === 'number' ? confidence : null,
        blockers: blockers || null,
        commitments: commitments || null,
      });
      setMessage({ ok: true, text: 'Your part is posted.' });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : 'Could not post your part.' });
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={(e: FormEvent) => void submit(e)} aria-labelledby="my-part">
      <Stack>
        <Title order={2} size="h4" id="my-part">
          Your part
        </Title>
        {message && (
          <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        )}
        <Textarea label="Update" required value={update} onChange={(e) => setUpdate(e.currentTarget.value)} autosize minRows={2} />
        <NumberInput label="Confidence (0–10)" min={0} max={10} value={confidence} onChange={setConfidence} />
        <Textarea label="Blockers" value={blockers} onChange={(e) => setBlockers(e.currentTarget.value)} autosize />
        <Textarea label="Commitments for next time" value={commitments} onChange={(e) => setCommitments(e.currentTarget.value)} autosize />
        <Button type="submit" style={{ alignSelf: 'flex-start' }}>
          Post my part
        </Button>
      </Stack>
    </Paper>
  );
}

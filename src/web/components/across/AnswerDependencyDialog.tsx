import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { answerDependency, dependencyKeys, type Dependency } from '../../api/dependencies.js';

/** The providing team's lead (or an admin) accepts or declines, with a note for whoever asked. */
export function AnswerDependencyDialog({ dependency, onClose }: { dependency: Dependency; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'accepted' | 'declined' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const answer = async (status: 'accepted' | 'declined') => {
    setBusy(status);
    setError(null);
    try {
      await answerDependency(dependency.id, { status, note: note.trim() || null });
      await queryClient.invalidateQueries({ queryKey: dependencyKeys.all });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong.');
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Answer for ${dependency.providingTeamName}`}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Text size="sm">
          <strong>{dependency.requestingTeamName ?? 'The company'}</strong> needs by {dependency.neededBy}, for “{dependency.objectiveTitle}
          ”:
        </Text>
        <Text size="sm">{dependency.description}</Text>
        <Textarea
          label="Note"
          description="What you will do, or why not"
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            color="red"
            loading={busy === 'declined'}
            disabled={busy !== null}
            onClick={() => void answer('declined')}
          >
            Decline
          </Button>
          <Button loading={busy === 'accepted'} disabled={busy !== null} onClick={() => void answer('accepted')}>
            Accept
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

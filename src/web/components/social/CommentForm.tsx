import { Button, Group, Stack } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { useUsers } from '../../api/queries.js';
import { MentionTextarea } from './MentionTextarea.js';
import { toBody, toEditable, type Person } from './mention-text.js';

interface Props {
  label: string;
  /** The body to start from (editing), with its mention tokens. */
  initial?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
}

/** Writes or edits a comment with @-mentions; the server's message shows on the field. */
export function CommentForm({ label, initial = '', submitLabel, onSubmit, onCancel }: Props) {
  // The people to mention are asked for when the box is first pointed at or focused, not with the page it is on.
  const [engaged, setEngaged] = useState(false);
  const users = useUsers(engaged);
  const engage = useCallback(() => setEngaged(true), []);
  const start = toEditable(initial);
  const [text, setText] = useState(start.text);
  const [picked, setPicked] = useState<Person[]>(start.people);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const people = (users.data ?? []).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await onSubmit(toBody(text, picked));
      if (!onCancel) {
        setText('');
        setPicked([]);
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The comment could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="xs">
        <MentionTextarea
          label={label}
          value={text}
          onChange={setText}
          people={people}
          onMention={(p) => setPicked((list) => [...list, p])}
          error={error}
          placeholder="Type @ to mention someone"
          onEngage={engage}
        />
        <Group gap="xs" justify="flex-end">
          {onCancel && (
            <Button size="xs" variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button size="xs" type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

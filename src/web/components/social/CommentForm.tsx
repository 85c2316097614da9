import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useCallback, useRef, useState, type ComponentProps, type ComponentType, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { useUsers } from '../../api/queries.js';
import { toBody, toEditable, type Person } from './mention-text.js';
import type { MentionTextarea as MentionBox } from './MentionTextarea.js';

interface Props {
  label: string;
  /** The body to start from (editing), with its mention tokens. */
  initial?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
}

const PLACEHOLDER = 'Type @ to mention someone';

/** Writes or edits a comment with @-mentions; the server's message shows on the field. */
export function CommentForm({ label, initial = '', submitLabel, onSubmit, onCancel }: Props) {
  // The people to mention, and the mention box itself (a Combobox, with floating-ui), are fetched when the box is first
  // pointed at or focused, not with the page it is on (an objective's). The plain box stays until the mention box has
  // arrived, so nothing typed meanwhile is lost; if it had the focus, the mention box takes it.
  const [engaged, setEngaged] = useState(false);
  const users = useUsers(engaged);
  const plainBox = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ Box: ComponentType<ComponentProps<typeof MentionBox>>; focus: boolean } | null>(null);
  const requested = useRef(false);
  const engage = useCallback(() => {
    setEngaged(true);
    if (requested.current) return;
    requested.current = true;
    import('./MentionTextarea.js').then(
      ({ MentionTextarea }) => setMention({ Box: MentionTextarea, focus: document.activeElement === plainBox.current }),
      // Not fetched (offline): the plain box stays, and a comment can still be written and posted.
      () => undefined,
    );
  }, []);
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
        {mention ? (
          <mention.Box
            label={label}
            value={text}
            onChange={setText}
            people={people}
            onMention={(p) => setPicked((list) => [...list, p])}
            error={error}
            placeholder={PLACEHOLDER}
            onEngage={engage}
            focusOnMount={mention.focus}
          />
        ) : (
          <Textarea
            ref={plainBox}
            label={label}
            value={text}
            placeholder={PLACEHOLDER}
            error={error}
            // Not autosize: its measuring forced a layout of the page when the panel mounted; the mention box, which
            // grows, takes this one's place as soon as it is pointed at or focused.
            rows={2}
            onChange={(event) => setText(event.currentTarget.value)}
            onPointerEnter={engage}
            onFocus={engage}
          />
        )}
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

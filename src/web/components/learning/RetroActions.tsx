import { Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { addRetrospectiveAction, setRetrospectiveActionDone, useRetrospectiveChange, type Retrospective } from '../../api/learning.js';
import { useUsers } from '../../api/queries.js';

/** The actions the retrospective agreed, each with an owner and a due date (they show in the owner's week). */
export function RetroActions({ retro }: { retro: Retrospective }) {
  const users = useUsers();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const add = useRetrospectiveChange(retro.id, (body: { text: string; ownerId: string; dueDate: string }) =>
    addRetrospectiveAction(retro.id, body),
  );
  const done = useRetrospectiveChange(retro.id, (body: { id: string; done: boolean }) => setRetrospectiveActionDone(body.id, body.done));
  const errors = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Actions
      </Title>
      {retro.actions.length === 0 && <Text c="dimmed">No actions yet.</Text>}
      {retro.actions.map((action) => (
        <Checkbox
          key={action.id}
          checked={action.done}
          onChange={(e) => done.mutate({ id: action.id, done: e.currentTarget.checked })}
          label={`${action.text} — ${action.ownerName ?? ''}, due ${action.dueDate}`}
        />
      ))}
      {retro.can.addAction && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!ownerId) return;
            add.mutate({ text, ownerId, dueDate }, { onSuccess: () => setText('') });
          }}
        >
          <Group align="end" wrap="wrap">
            <TextInput label="New action" value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} required />
            <Select
              label="Owner"
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={ownerId}
              onChange={setOwnerId}
              searchable
              error={errors.ownerId}
              required
            />
            <TextInput
              label="Due date"
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
              required
            />
            <Button type="submit" loading={add.isPending}>
              Add action
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

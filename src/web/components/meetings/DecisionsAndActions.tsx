import { Button, Checkbox, Group, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { addMeetingAction, addMeetingDecision, meetingKeys, setActionDone, type MeetingPageData } from '../../api/meetings.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The decision log and the actions of this meeting; participants add to both, owners tick actions off. */
export function DecisionsAndActions({ data }: { data: MeetingPageData }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingKeys.one(data.meeting.id) });
  const people = data.participants.map((p) => ({ value: p.id, label: p.name }));
  const [decision, setDecision] = useState('');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState<string | null>(people[0]?.value ?? null);
  const [due, setDue] = useState(today());

  async function logDecision(event: FormEvent) {
    event.preventDefault();
    await addMeetingDecision(data.meeting.id, { decision, ownerId: owner, decidedOn: today() });
    setDecision('');
    await refresh();
  }
  async function addAction(event: FormEvent) {
    event.preventDefault();
    if (!owner) return;
    await addMeetingAction(data.meeting.id, { title: action, ownerId: owner, dueDate: due });
    setAction('');
    await refresh();
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decisions-actions">
      <Stack>
        <Title order={2} size="h4" id="decisions-actions">
          Decisions and actions
        </Title>
        {data.decisions.length === 0 && data.actions.length === 0 && <Text c="dimmed">None yet.</Text>}
        <List>
          {data.decisions.map((d) => (
            <List.Item key={d.id}>
              Decided {d.decidedOn}: {d.decision}
            </List.Item>
          ))}
        </List>
        {data.actions.map((a) => (
          <Checkbox
            key={a.id}
            label={`${a.title} (${a.ownerName ?? 'no owner'}, due ${a.dueDate})`}
            checked={a.doneAt !== null}
            onChange={(e) => void setActionDone(a.id, e.currentTarget.checked).then(refresh)}
          />
        ))}
        {data.can.run && (
          <Stack className="no-print">
            <Select label="Owner" data={people} value={owner} onChange={setOwner} allowDeselect={false} />
            <Group component="form" onSubmit={(e: FormEvent) => void logDecision(e)} align="flex-end">
              <TextInput
                label="Decision"
                required
                value={decision}
                onChange={(e) => setDecision(e.currentTarget.value)}
                style={{ flex: '1 1 12rem', minWidth: 0 }}
              />
              <Button type="submit" variant="light">
                Log decision
              </Button>
            </Group>
            <Group component="form" onSubmit={(e: FormEvent) => void addAction(e)} align="flex-end">
              <TextInput
                label="Action"
                required
                value={action}
                onChange={(e) => setAction(e.currentTarget.value)}
                style={{ flex: '1 1 12rem', minWidth: 0 }}
              />
              <TextInput label="Due" type="date" required value={due} onChange={(e) => setDue(e.currentTarget.value)} />
              <Button type="submit" variant="light">
                Add action
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

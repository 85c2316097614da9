import { Alert, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.js';
import { createMeeting, MEETING_KIND_LABELS, meetingKeys, type MeetingAudience, type MeetingKind } from '../../api/meetings.js';
import { useTeams, useUsers } from '../../api/queries.js';
import type { Me } from '../../api/types.js';

const AUDIENCES: { value: MeetingAudience; label: string }[] = [
  { value: 'team', label: 'A team' },
  { value: 'department', label: 'A department' },
  { value: 'company', label: 'The company' },
  { value: 'pair', label: 'Two people' },
];

const RECURRENCES = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'weekly', label: 'Every week' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Every month' },
  { value: 'quarterly', label: 'Every quarter' },
];

/** Schedules a meeting; an asynchronous deadline makes it a session held in writing. */
export function ScheduleMeetingForm({ me }: { me: Me }) {
  const users = useUsers();
  const teams = useTeams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<MeetingKind>('weekly');
  const [audience, setAudience] = useState<MeetingAudience>('team');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [deadline, setDeadline] = useState('');
  const [recurrence, setRecurrence] = useState('weekly');
  const [participantIds, setParticipants] = useState<string[]>([me.user.id]);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const meeting = await createMeeting({
        kind,
        audience,
        title,
        teamId: audience === 'team' || audience === 'department' ? teamId : null,
        startsAt: startsAt ? new Date(startsAt).toISOString() : '',
        asyncDeadline: deadline ? new Date(deadline).toISOString() : null,
        recurrence,
        participantIds,
      });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.list });
      void navigate(`/meetings/${meeting.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not schedule the meeting.');
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={(e: FormEvent) => void submit(e)} aria-labelledby="schedule-title">
      <Stack>
        <Title order={2} size="h4" id="schedule-title">
          Schedule a meeting
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {/* A grid, not a growing group: `grow` caps each field at its share of the row, so on a phone the date
            fields were cut to "mm/dd" and their labels ran into each other. */}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label="Kind"
            data={Object.entries(MEETING_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(v) => v && setKind(v as MeetingKind)}
            allowDeselect={false}
          />
          <Select
            label="Who meets"
            data={AUDIENCES}
            value={audience}
            onChange={(v) => v && setAudience(v as MeetingAudience)}
            allowDeselect={false}
          />
        </SimpleGrid>
        {(audience === 'team' || audience === 'department') && (
          <Select
            label="Team"
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            onChange={setTeamId}
            searchable
          />
        )}
        <MultiSelect
          label="Participants"
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={participantIds}
          onChange={setParticipants}
          searchable
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Starts" type="datetime-local" required value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} />
          <TextInput
            label="Parts due by (asynchronous)"
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
          />
          <Select label="Repeats" data={RECURRENCES} value={recurrence} onChange={(v) => v && setRecurrence(v)} allowDeselect={false} />
        </SimpleGrid>
        <Group>
          <Button type="submit">Schedule</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

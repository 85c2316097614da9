import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { MEETING_KIND_LABELS, useMeeting, type PartStatus } from '../api/meetings.js';
import { AgendaSectionCard } from '../components/meetings/AgendaSectionCard.js';
import { DecisionsAndActions } from '../components/meetings/DecisionsAndActions.js';
import { MyUpdateForm } from '../components/meetings/MyUpdateForm.js';
import { when } from '../components/social/when.js';

const STATUS_COLOR: Record<PartStatus, string> = { posted: 'teal', late: 'yellow', missing: 'gray', overdue: 'red' };

/** One meeting: who has posted, the generated agenda with notes, the asynchronous parts, decisions and actions. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const query = useMeeting(id);
  if (query.isError)
    return (
      <Alert color="red" role="alert">
        This meeting does not exist or is not yours to see.
      </Alert>
    );
  if (!query.data) return <Text c="dimmed">Loading…</Text>;
  const { meeting, participants, agenda, notes, updates, can } = query.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {meeting.title}
        </Title>
        <Text c="dimmed">
          {MEETING_KIND_LABELS[meeting.kind]} · {when(meeting.startsAt)}
          {meeting.asyncDeadline && ` · parts due ${when(meeting.asyncDeadline)}`}
        </Text>
      </div>
      <section aria-labelledby="who-posted">
        <Title order={2} size="h4" id="who-posted">
          Participants
        </Title>
        <Group gap="xs" mt="xs">
          {participants.map((p) => (
            <Badge key={p.id} color={STATUS_COLOR[p.status]} variant="light" size="lg" maw="100%">
              {p.name}: {p.status}
            </Badge>
          ))}
        </Group>
      </section>
      {can.postUpdate && <MyUpdateForm meetingId={meeting.id} />}
      {updates.length > 0 && (
        <section aria-labelledby="parts">
          <Title order={2} size="h4" id="parts">
            Posted parts
          </Title>
          <List mt="xs">
            {updates.map((u) => (
              <List.Item key={u.userId}>
                <Text span fw={600}>
                  {u.authorName}
                </Text>
                : {u.update}
                {u.confidence !== null && ` · confidence ${u.confidence}`}
                {u.blockers && ` · blocked: ${u.blockers}`}
                {u.commitments && ` · commits to: ${u.commitments}`}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <Title order={2} size="h3">
        Agenda
      </Title>
      {agenda.sections.map((section) => (
        <AgendaSectionCard
          key={section.key}
          meetingId={meeting.id}
          section={section}
          notes={notes.filter((n) => n.agendaItem === section.key)}
          canRun={can.run}
        />
      ))}
      <DecisionsAndActions data={query.data} />
    </Stack>
  );
}

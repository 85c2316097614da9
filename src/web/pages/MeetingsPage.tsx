import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Me } from '../api/types.js';
import { MEETING_KIND_LABELS, useMeetings } from '../api/meetings.js';
import { ScheduleMeetingForm } from '../components/meetings/ScheduleMeetingForm.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { when } from '../components/social/when.js';

/** Every meeting the reader may see, soonest first, and a form to schedule one. */
export function MeetingsPage({ me }: { me: Me }) {
  const meetings = useMeetings();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Meetings
        </Title>
        <Text c="dimmed">
          Weekly sessions, monthly deep dives, quarterly reviews and one-on-ones, each with an agenda prepared from the data.
        </Text>
      </div>
      {meetings.isPending && <Text c="dimmed">Loading…</Text>}
      {meetings.data?.length === 0 && <Text>No meetings yet.</Text>}
      {meetings.data && meetings.data.length > 0 && (
        <ScrollRegion label="Meetings" minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Meeting</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Starts</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/meetings/${m.id}`}>
                      {m.title}
                    </Anchor>
                    {m.asyncDeadline && (
                      <Badge ml="xs" variant="light">
                        async
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{MEETING_KIND_LABELS[m.kind]}</Table.Td>
                  <Table.Td>{when(m.startsAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <ScheduleMeetingForm me={me} />
    </Stack>
  );
}

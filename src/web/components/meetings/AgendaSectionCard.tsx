import { Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { addMeetingNote, meetingKeys, type AgendaSection } from '../../api/meetings.js';

interface Props {
  meetingId: string;
  section: AgendaSection;
  notes: { id: string; body: string }[];
  canRun: boolean;
}

/** One generated agenda section with its items and the notes taken on it. */
export function AgendaSectionCard({ meetingId, section, notes, canRun }: Props) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const headingId = `agenda-${section.key}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) return;
    await addMeetingNote(meetingId, { agendaItem: section.key, body: note });
    setNote('');
    await queryClient.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {section.title}
        </Title>
        {section.items.length === 0 && <Text c="dimmed">Nothing here.</Text>}
        <List spacing={4}>
          {section.items.map((item, i) => (
            <List.Item key={i}>
              {item.link ? (
                <Anchor component={Link} to={item.link}>
                  {item.text}
                </Anchor>
              ) : (
                item.text
              )}
              {item.detail && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {item.detail}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        {notes.map((n) => (
          <Text key={n.id} size="sm" className="meeting-note">
            Note: {n.body}
          </Text>
        ))}
        {canRun && (
          <Group component="form" onSubmit={(e: FormEvent) => void submit(e)} align="flex-end" className="no-print">
            <TextInput
              label={`Note on ${section.title}`}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: '1 1 12rem', minWidth: 0 }}
            />
            <Button type="submit" variant="light">
              Add note
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLessons } from '../api/learning.js';
import { defaultCycle, useCycles } from '../api/okr-queries.js';
import { useTeams } from '../api/queries.js';
import { LessonText } from '../components/learning/LessonText.js';

const OUTCOMES = [
  { value: 'achieved', label: 'Achieved' },
  { value: 'partially', label: 'Partially' },
  { value: 'missed', label: 'Missed' },
];

/** The lessons library: what the organisation learned, searchable by words and filtered by team, cycle, outcome and tag. */
export function LessonsPage() {
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [cycleId, setCycleId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [debounced] = useDebouncedValue({ q, tag }, 250);
  const cycles = useCycles();
  const teams = useTeams();
  const lessons = useLessons({ ...debounced, teamId: teamId ?? undefined, cycleId: cycleId ?? undefined, outcome: outcome ?? undefined });
  const current = defaultCycle(cycles.data ?? []);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Lessons
        </Title>
        <Text c="dimmed">What we learned in closing notes and retrospectives, best match first.</Text>
        {current && (
          <Group gap="md" mt="xs">
            <Anchor component={Link} to={`/cycles/${current.id}/retrospectives`}>
              Retrospectives of {current.name}
            </Anchor>
            <Anchor component={Link} to={`/cycles/${current.id}/evaluation`}>
              Evaluation of {current.name}
            </Anchor>
          </Group>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
        <TextInput
          label="Search lessons"
          placeholder="e.g. onboarding experiments"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
        />
        <Select
          label="Team"
          placeholder="All teams"
          clearable
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          onChange={setTeamId}
        />
        <Select
          label="Cycle"
          placeholder="All cycles"
          clearable
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={cycleId}
          onChange={setCycleId}
        />
        <Select label="Outcome" placeholder="Any outcome" clearable data={OUTCOMES} value={outcome} onChange={setOutcome} />
        <TextInput label="Tag" placeholder="e.g. delivery" value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
      </SimpleGrid>
      {lessons.isError && (
        <Alert color="red" role="alert">
          Could not search the lessons.
        </Alert>
      )}
      <div aria-live="polite">
        {lessons.data?.length === 0 && <Text c="dimmed">No lessons match.</Text>}
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Lessons found">
          {lessons.data?.map((lesson) => (
            <Card key={lesson.id} withBorder padding="sm" component="li">
              <LessonText lesson={lesson} />
            </Card>
          ))}
        </Stack>
      </div>
    </Stack>
  );
}

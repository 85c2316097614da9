import { Alert, Anchor, Blockquote, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useStrategy } from '../api/strategy.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { AddPillarForms } from '../components/strategy/AddPillarForms.js';
import { useChosenCycle } from '../components/strategy/CycleSelect.js';
import { NarrativeForm } from '../components/strategy/NarrativeForm.js';
import { PillarCard } from '../components/strategy/PillarCard.js';

/** The strategic narrative: mission, vision, the pillars and how each is doing, and what serves no pillar. */
export function StrategyPage() {
  const { cycleId, picker } = useChosenCycle();
  const strategy = useStrategy(cycleId);
  const s = strategy.data;
  return (
    <Stack>
      <Title order={1} size="h2">
        Strategy
      </Title>
      {picker}
      {strategy.isError && <Alert color="red">{strategy.error.message}</Alert>}
      {strategy.isPending && cycleId ? (
        <PageSkeleton />
      ) : s ? (
        <>
          {s.can.edit ? (
            <NarrativeForm key={`${s.mission}|${s.vision}`} strategy={s} />
          ) : (
            <>
              <Blockquote cite="Mission">{s.mission ?? 'No mission stated yet.'}</Blockquote>
              <Blockquote cite="Vision">{s.vision ?? 'No vision stated yet.'}</Blockquote>
            </>
          )}
          <Title order={2} size="h3">
            Pillars
          </Title>
          {s.pillars.length === 0 && <Text c="dimmed">No strategic pillars yet.</Text>}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {s.pillars.map((p) => (
              <PillarCard key={p.id} pillar={p} />
            ))}
          </SimpleGrid>
          {s.companyObjectivesWithoutPillar.length > 0 && (
            <Paper withBorder p="sm" style={{ borderLeft: '6px solid var(--mantine-color-red-9)' }}>
              <Title order={2} size="h4">
                Company objectives that serve no pillar
              </Title>
              <List size="sm">
                {s.companyObjectivesWithoutPillar.map((o) => (
                  <List.Item key={o.id}>
                    <Anchor component={Link} to={`/objectives/${o.id}`}>
                      {o.title}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Paper>
          )}
          {s.can.edit && <AddPillarForms strategy={s} />}
        </>
      ) : null}
    </Stack>
  );
}

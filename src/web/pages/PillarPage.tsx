import { Alert, Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { usePillar } from '../api/strategy.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { percent, STATUS_COLOR, STATUS_LABEL } from '../components/ProgressBar.js';
import { useChosenCycle } from '../components/strategy/CycleSelect.js';
import { PillarStandingLine } from '../components/strategy/PillarCard.js';
import { PillarActions } from '../components/strategy/PillarActions.js';
import { ScrollRegion } from '../components/ScrollRegion.js';

/** One pillar: its narrative and owner, how it is doing, its annual objectives and every objective serving it. */
export function PillarPage() {
  const { id = '' } = useParams();
  const { cycleId, picker } = useChosenCycle();
  const pillar = usePillar(id, cycleId);
  const p = pillar.data;
  return (
    <Stack>
      <Anchor component={Link} to="/strategy" size="sm">
        ← Strategy
      </Anchor>
      {pillar.isError && <Alert color="red">{pillar.error.message}</Alert>}
      {pillar.isPending && cycleId ? (
        <PageSkeleton />
      ) : p ? (
        <>
          <Title order={1} size="h2">
            {p.name}
          </Title>
          {p.narrative && <Text>{p.narrative}</Text>}
          <Text size="sm" c="dimmed">
            Owner: {p.ownerName ?? 'nobody yet'}
          </Text>
          {p.can.edit && <PillarActions key={`${p.id}:${p.name}:${p.narrative}:${p.ownerId}`} pillar={p} />}
          {picker}
          <PillarStandingLine pillar={p} />
          <Title order={2} size="h4">
            Annual objectives
          </Title>
          {p.annualObjectives.length === 0 ? (
            <Text c="dimmed">None for this year.</Text>
          ) : (
            p.annualObjectives.map((a) => (
              <Text key={a.id} size="sm">
                {a.title} ({a.year}): {a.objectiveCount} objectives{a.progress === null ? '' : `, ${percent(a.progress)} done`}
              </Text>
            ))
          )}
          <Title order={2} size="h4">
            What serves it
          </Title>
          {p.objectives.length === 0 ? (
            <Text c="dimmed">Nothing in this cycle serves this pillar yet.</Text>
          ) : (
            <ScrollRegion label="What serves it" minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Objective</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Progress</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.objectives.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/objectives/${o.id}`}>
                          {o.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{o.ownerName ?? '—'}</Table.Td>
                      <Table.Td>
                        {percent(o.progress)} of {percent(o.expectedProgress)} expected
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[o.progressStatus]} variant="light">
                          {STATUS_LABEL[o.progressStatus]}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </>
      ) : null}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Card, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useEvaluation } from '../api/learning.js';
import { useTeams } from '../api/queries.js';
import { ReliabilityChart } from '../components/learning/ReliabilityChart.js';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const num = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}

/** How a cycle ended, for the organisation or one team: outcomes, score bands, check-in punctuality and calibration. */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useTeams();
  const evaluation = useEvaluation(id, teamId);
  const e = evaluation.data;
  const krTotal = e ? e.keyResultBands.low + e.keyResultBands.middle + e.keyResultBands.high : 0;
  const band = (n: number) => (krTotal === 0 ? 0 : (n / krTotal) * 100);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            Evaluation{e ? `: ${e.cycleName}` : ''}
          </Title>
          <Anchor component={Link} to={`/cycles/${id}/retrospectives`}>
            Retrospectives of this cycle
          </Anchor>
        </div>
        <Select
          label="Team"
          placeholder="Whole organisation"
          clearable
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          onChange={setTeamId}
        />
      </Group>
      {evaluation.isError && <Alert color="red">Could not load the evaluation.</Alert>}
      {e && !e.final && <Alert color="yellow">This cycle is not closed: the scores are the progress so far.</Alert>}
      {e?.tooSafe.tooSafe && (
        <Alert color="orange" title="Too safe?">
          {e.tooSafe.perfect} of {e.tooSafe.aspirational} aspirational key results scored 1.0: stretch goals that are always met were not
          stretching.
        </Alert>
      )}
      {e && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure
              label="Committed achieved"
              value={pct(e.committed.achievedShare)}
              detail={`${e.committed.achieved} of ${e.committed.count}`}
            />
            <Figure
              label="Aspirational mean score"
              value={num(e.aspirational.meanScore)}
              detail={`${pct(e.aspirational.shareAtLeast07)} at 0.7 or more`}
            />
            <Figure
              label="Check-ins on time"
              value={pct(e.checkIns.onTimeShare)}
              detail={`${e.checkIns.onTime} of ${e.checkIns.due} due`}
            />
            <Figure
              label="Brier score"
              value={e.calibration.cycle.brier === null ? '—' : e.calibration.cycle.brier.toFixed(3)}
              detail={`${e.calibration.cycle.count} forecasts at ${e.calibration.midpoint}`}
            />
          </SimpleGrid>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Key-result scores
            </Title>
            <Progress.Root size={24} aria-label="Key-result scores by band">
              <Progress.Section value={band(e.keyResultBands.low)} color="red.8" aria-label={`Below 0.4: ${e.keyResultBands.low}`} />
              <Progress.Section
                value={band(e.keyResultBands.middle)}
                color="#8f5200"
                aria-label={`0.4 to 0.69: ${e.keyResultBands.middle}`}
              />
              <Progress.Section value={band(e.keyResultBands.high)} color="teal.8" aria-label={`0.7 and above: ${e.keyResultBands.high}`} />
            </Progress.Root>
            <Group gap="md" mt="xs">
              <Badge color="red.8">below 0.4: {e.keyResultBands.low}</Badge>
              <Badge color="#8f5200">0.4–0.69: {e.keyResultBands.middle}</Badge>
              <Badge color="teal.9">0.7 and above: {e.keyResultBands.high}</Badge>
            </Group>
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                Confidence calibration
              </Title>
              <ReliabilityChart buckets={e.calibration.reliability} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                Brier score by person
              </Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th>Forecasts</Table.Th>
                    <Table.Th>Brier</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.calibration.byPerson.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>{p.count}</Table.Td>
                      <Table.Td>{p.brier?.toFixed(3)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Compared with earlier cycles
            </Title>
            {e.previous.length === 0 ? (
              <Text c="dimmed">No earlier cycles to compare with.</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Cycle</Table.Th>
                    <Table.Th>Committed achieved</Table.Th>
                    <Table.Th>Aspirational mean</Table.Th>
                    <Table.Th>On time</Table.Th>
                    <Table.Th>Brier</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {e.previous.map((p) => (
                    <Table.Tr key={p.cycleId}>
                      <Table.Td>{p.cycleName}</Table.Td>
                      <Table.Td>{pct(p.committedAchievedShare)}</Table.Td>
                      <Table.Td>{num(p.aspirationalMeanScore)}</Table.Td>
                      <Table.Td>{pct(p.checkInsOnTimeShare)}</Table.Td>
                      <Table.Td>{p.brier?.toFixed(3) ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}

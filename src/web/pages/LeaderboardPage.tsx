import { Alert, Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useLeaderboard, type Leaderboard, type LeaderboardMeasure } from '../api/leaderboard.js';
import { LeaderboardSettingsForm, MEASURE_LABELS } from '../components/leaderboard/LeaderboardSettingsForm.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { useChosenCycle } from '../components/strategy/CycleSelect.js';
import { ScrollRegion } from '../components/ScrollRegion.js';

const EXPLAINED: Record<LeaderboardMeasure, string> = {
  pace: 'How far each team’s progress runs ahead of (or behind) the pace expected by today.',
  discipline: 'The share of due check-ins each team made on time.',
  improvement: 'How much each team’s pace gap improved on the same point of the previous cycle.',
};

const points = (value: number) => `${value > 0 ? '+' : ''}${Math.round(value * 100)} pts`;
const shown = (measure: LeaderboardMeasure, value: number | null) =>
  value === null
    ? measure === 'improvement'
      ? 'New this cycle'
      : 'Nothing due yet'
    : measure === 'discipline'
      ? `${Math.round(value * 100)}%`
      : points(value);

function Ranking({ board }: { board: Leaderboard }) {
  if (board.entries.length === 0) return <Text c="dimmed">No team has published objectives in this cycle yet.</Text>;
  return (
    <ScrollRegion label="Leaderboard" minWidth={300}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rank</Table.Th>
            <Table.Th>Team</Table.Th>
            <Table.Th>{MEASURE_LABELS[board.settings.measure]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {board.entries.map((e, i) => (
            <Table.Tr key={e.teamId || `hidden-${i}`}>
              <Table.Td>{e.rank ?? '–'}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {e.teamId ? (
                    <Anchor component={Link} to={`/teams/${e.teamId}`}>
                      {e.name}
                    </Anchor>
                  ) : (
                    <Text c="dimmed">{e.name}</Text>
                  )}
                  {e.yours && (
                    <Badge size="sm" variant="light">
                      Your team
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{shown(board.settings.measure, e.value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Teams ranked by what the organisation chose to reward, and the week's wins celebrated. */
export function LeaderboardPage() {
  const { cycleId, picker } = useChosenCycle();
  const board = useLeaderboard(cycleId);
  return (
    <Stack>
      <Title order={1} size="h2">
        Leaderboard
      </Title>
      {picker}
      {board.isError && <Alert color="red">{board.error.message}</Alert>}
      {board.isPending && cycleId ? (
        <PageSkeleton />
      ) : board.data ? (
        <>
          {board.data.can.manage && <LeaderboardSettingsForm settings={board.data.settings} />}
          {!board.data.settings.enabled && <Alert color="gray">The leaderboard is turned off: only admins see it.</Alert>}
          <Text size="sm" c="dimmed">
            {EXPLAINED[board.data.settings.measure]} Measured on {board.data.asOf}.
          </Text>
          <Ranking board={board.data} />
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              Wins of the week
            </Title>
            {board.data.wins.length === 0 ? (
              <Text c="dimmed">No key result reached its target in the last seven days.</Text>
            ) : (
              <List spacing="xs">
                {board.data.wins.map((w) => (
                  <List.Item key={w.keyResultId}>
                    <Anchor component={Link} to={`/objectives/${w.objectiveId}`}>
                      {w.keyResultTitle}
                    </Anchor>{' '}
                    reached its target
                    {w.teamName ? ` — ${w.teamName}` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}

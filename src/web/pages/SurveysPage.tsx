import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSurveys } from '../api/surveys.js';
import type { Me } from '../api/types.js';
import { SurveyBuilder } from '../components/rollout/SurveyBuilder.js';
import { SurveySchedule } from '../components/rollout/SurveySchedule.js';
import { ScrollRegion } from '../components/ScrollRegion.js';

/** Pulse surveys: the ones waiting for the caller's answer; champions and admins also build surveys and read results. */
export function SurveysPage({ me }: { me: Me }) {
  const surveys = useSurveys();
  const toAnswer = (surveys.data ?? []).filter((s) => s.invited && !s.answered);
  // The latest round of each series carries its next date and "Stop repeating".
  const latestRound = new Map<string, number>();
  for (const s of surveys.data ?? []) latestRound.set(s.seriesId, Math.max(latestRound.get(s.seriesId) ?? 0, s.round));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Pulse surveys
        </Title>
        <Text c="dimmed">
          Answers are anonymous: they are stored without your name, and results appear only for groups of several people.
        </Text>
        {me.can.manageRollout && (
          <Anchor component={Link} to="/rollout" size="sm">
            Rollout: choose the pilot teams
          </Anchor>
        )}
      </div>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Waiting for your answer
        </Title>
        {toAnswer.length === 0 ? (
          <Text c="dimmed">Nothing to answer right now.</Text>
        ) : (
          <Stack gap={4}>
            {toAnswer.map((s) => (
              <Anchor key={s.id} component={Link} to={`/surveys/${s.id}/answer`}>
                Answer “{s.title}” (open until {s.closesOn})
              </Anchor>
            ))}
          </Stack>
        )}
      </Card>
      {me.can.manageSurveys && (
        <>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              New survey
            </Title>
            <SurveyBuilder />
          </Card>
          <Title order={2} size="h4">
            Sent surveys
          </Title>
          {surveys.data?.length === 0 && (
            <Text c="dimmed">
              No survey sent yet. Start from a template above: the clarity and leadership-support answers appear beside the adoption
              figures.
            </Text>
          )}
          {(surveys.data?.length ?? 0) > 0 && (
            <ScrollRegion label="Surveys" minWidth={480}>
              <Table aria-label="Surveys">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Survey</Table.Th>
                    <Table.Th>Sent to</Table.Th>
                    <Table.Th>Open</Table.Th>
                    <Table.Th>Repeats</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(surveys.data ?? []).map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/surveys/${s.id}/results`}>
                          {s.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{s.scope}</Table.Td>
                      <Table.Td>
                        {s.opensOn} – {s.closesOn}
                      </Table.Td>
                      <Table.Td>
                        <SurveySchedule survey={s} latest={latestRound.get(s.seriesId) === s.round} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="light" color={s.status === 'open' ? 'green' : 'gray'}>
                            {s.status}
                          </Badge>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </>
      )}
    </Stack>
  );
}

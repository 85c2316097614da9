import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useApiMutation } from '../api/queries.js';
import { closeSurvey, hideTexts, surveyKeys, useSurveyResults } from '../api/surveys.js';

const figure = (kind: string, average: number | null) =>
  average === null ? '—' : kind === 'yes_no' ? `${Math.round(average * 100)} % yes` : `${average.toFixed(2)} / 5`;

/** A survey's results per group; groups below the threshold are merged and never shown on their own. */
export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const results = useSurveyResults(id);
  const refresh = [surveyKeys.one(id), surveyKeys.all];
  const hide = useApiMutation(({ textId, hidden }: { textId: string; hidden: boolean }) => hideTexts(id, [textId], hidden), refresh);
  const close = useApiMutation(() => closeSurvey(id), refresh);
  if (!results.data) return <Text c="dimmed">Loading…</Text>;
  const r = results.data;
  const kindOf = new Map(r.questions.map((q) => [q.id, q]));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Results: {r.survey.title}
        </Title>
        <Text c="dimmed">
          {r.responses} {r.responses === 1 ? 'response' : 'responses'}. A group is shown from {r.minimum} responses; smaller groups are
          merged into the group above them.
        </Text>
      </div>
      {r.survey.status === 'open' && (
        <Group>
          <Button variant="light" onClick={() => close.mutate()} loading={close.isPending}>
            Close the survey now
          </Button>
        </Group>
      )}
      {r.groups.length === 0 && (
        <Alert color="gray" title="Not enough answers yet">
          Results appear once a group has {r.minimum} responses.
        </Alert>
      )}
      {r.groups.map((g) => (
        <Card withBorder key={g.teamId ?? 'organisation'}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {g.name}
            </Title>
            <Badge variant="light">{g.responses} responses</Badge>
          </Group>
          <Stack gap="sm">
            {g.questions.map((qr) => {
              const q = kindOf.get(qr.questionId)!;
              return (
                <div key={qr.questionId}>
                  <Text size="sm" fw={500}>
                    {q.text}
                  </Text>
                  {q.kind === 'text' ? (
                    <List size="sm" spacing={4}>
                      {qr.texts.map((t) => (
                        <List.Item key={t.id}>
                          <Text span size="sm" c={t.hidden ? 'dimmed' : undefined} td={t.hidden ? 'line-through' : undefined}>
                            {t.text}
                          </Text>{' '}
                          <Button size="compact-xs" variant="subtle" onClick={() => hide.mutate({ textId: t.id, hidden: !t.hidden })}>
                            {t.hidden ? 'Show' : 'Hide'}
                          </Button>
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" data-testid="question-figure">
                      {figure(q.kind, qr.average)} ({qr.answered} answers)
                      {qr.distribution ? ` · ${qr.distribution.map((n, i) => `${i + 1}: ${n}`).join(', ')}` : ''}
                    </Text>
                  )}
                </div>
              );
            })}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

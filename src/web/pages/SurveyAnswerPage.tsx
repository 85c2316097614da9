import { Alert, Button, Card, Radio, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useApiMutation } from '../api/queries.js';
import { answerSurvey, surveyKeys, useSurvey } from '../api/surveys.js';

type Value = number | boolean | string;
const SCALE = ['1', '2', '3', '4', '5'];

/** Answers one survey: scale questions as 1–5 radios, yes/no as a switch, free text optional. */
export function SurveyAnswerPage() {
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  const [values, setValues] = useState<Record<string, Value>>({});
  const [error, setError] = useState<string | null>(null);
  const send = useApiMutation(
    () =>
      answerSurvey(
        id,
        Object.entries(values)
          .filter(([, v]) => v !== '')
          .map(([questionId, value]) => ({ questionId, value })),
      ),
    [surveyKeys.all, surveyKeys.one(id)],
  );
  if (!survey.data) return <Text c="dimmed">Loading…</Text>;
  const s = survey.data;
  const submit = () => send.mutate(undefined, { onError: (e) => setError(e instanceof ApiError ? e.message : String(e)) });
  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={1} size="h2">
          {s.title}
        </Title>
        <Text c="dimmed">Your answers are stored without your name or the time of day. Cairn only remembers that you answered.</Text>
      </div>
      {s.answered || send.isSuccess ? (
        <Alert color="green" title="Thank you">
          Your answers are in.
        </Alert>
      ) : s.status === 'closed' ? (
        <Alert color="gray">This survey is closed.</Alert>
      ) : (
        <Card withBorder>
          <Stack gap="md">
            {s.questions.map((q) =>
              q.kind === 'scale' ? (
                <Radio.Group
                  key={q.id}
                  label={q.text}
                  description="1 = strongly disagree, 5 = strongly agree"
                  value={values[q.id] === undefined ? null : String(values[q.id])}
                  onChange={(v) => setValues({ ...values, [q.id]: Number(v) })}
                >
                  <Stack gap={6} mt={6} style={{ flexDirection: 'row', flexWrap: 'wrap', gap: 16 }}>
                    {SCALE.map((n) => (
                      <Radio key={n} value={n} label={n} />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : q.kind === 'yes_no' ? (
                <div key={q.id} role="group" aria-label={q.text}>
                  <Text size="sm" fw={500} mb={4}>
                    {q.text}
                  </Text>
                  <SegmentedControl
                    aria-label={q.text}
                    data={[
                      { value: 'yes', label: 'Yes' },
                      { value: 'no', label: 'No' },
                    ]}
                    value={values[q.id] === undefined ? '' : values[q.id] ? 'yes' : 'no'}
                    onChange={(v) => setValues({ ...values, [q.id]: v === 'yes' })}
                  />
                </div>
              ) : (
                <Textarea
                  key={q.id}
                  label={q.text}
                  description="Optional. Please do not name anyone."
                  autosize
                  minRows={2}
                  value={(values[q.id] as string | undefined) ?? ''}
                  onChange={(e) => setValues({ ...values, [q.id]: e.currentTarget.value })}
                />
              ),
            )}
            {error && <Alert color="red">{error}</Alert>}
            <Button onClick={submit} loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
              Send my answers
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

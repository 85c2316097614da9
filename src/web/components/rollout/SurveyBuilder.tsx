import { Button, Group, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApiMutation, useTeams } from '../../api/queries.js';
import { createSurvey, surveyKeys, useSurveyTemplates, type SurveyCreate } from '../../api/surveys.js';
import { SCHEDULES } from './SurveySchedule.js';

type Question = SurveyCreate['questions'][number];
const KINDS = [
  { value: 'scale', label: 'Scale 1–5' },
  { value: 'yes_no', label: 'Yes / no' },
  { value: 'text', label: 'Free text' },
];
const SCOPES = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'pilot', label: 'The pilot teams' },
  { value: 'teams', label: 'Chosen teams' },
];

/** Starts from a template (clarity, rollout pulse); every question can be edited, added or removed. */
export function SurveyBuilder() {
  const templates = useSurveyTemplates(true);
  const teams = useTeams();
  const [title, setTitle] = useState('');
  const [questions, setQuestions] = useState<Question[]>([]);
  const [scope, setScope] = useState<SurveyCreate['scope']>('everyone');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [schedule, setSchedule] = useState<NonNullable<SurveyCreate['schedule']>>('once');
  const create = useApiMutation(createSurvey, [surveyKeys.all]);
  const useTemplate = (id: string | null) => {
    const template = templates.data?.find((t) => t.id === id);
    if (!template) return;
    setTitle(template.title);
    setQuestions(template.questions.map((q) => ({ kind: q.kind, text: q.text, theme: (q.theme as Question['theme']) ?? null })));
  };
  const change = (i: number, patch: Partial<Question>) => setQuestions(questions.map((q, at) => (at === i ? { ...q, ...patch } : q)));
  const send = () =>
    create.mutate(
      { title, questions, scope, schedule, teamIds: scope === 'teams' ? teamIds : undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Survey sent', message: `${title} is open for answers.` });
          setTitle('');
          setQuestions([]);
        },
        onError: (e) => notifications.show({ color: 'red', title: 'Not sent', message: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  return (
    <Stack gap="sm">
      <Select
        label="Start from a template"
        placeholder="Choose a template"
        data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.title }))}
        onChange={useTemplate}
      />
      <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      {questions.map((q, i) => (
        <Group key={i} align="flex-end" wrap="wrap">
          <Select
            label={`Question ${i + 1} kind`}
            data={KINDS}
            value={q.kind}
            allowDeselect={false}
            w={140}
            onChange={(kind) => change(i, { kind: kind as Question['kind'] })}
          />
          <Textarea
            label={`Question ${i + 1}`}
            autosize
            value={q.text}
            onChange={(e) => change(i, { text: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button
            variant="subtle"
            color="red"
            onClick={() => setQuestions(questions.filter((_, at) => at !== i))}
            aria-label={`Remove question ${i + 1}`}
          >
            Remove
          </Button>
        </Group>
      ))}
      <Group>
        <Button variant="light" onClick={() => setQuestions([...questions, { kind: 'scale', text: '' }])}>
          Add a question
        </Button>
      </Group>
      <Select
        label="Send to"
        data={SCOPES}
        value={scope}
        allowDeselect={false}
        onChange={(v) => setScope(v as SurveyCreate['scope'])}
        w={220}
      />
      {scope === 'teams' && (
        <MultiSelect
          label="Teams"
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamIds}
          onChange={setTeamIds}
        />
      )}
      <Select
        label="Repeat"
        description="Each round asks the same questions of the same people; the results show the trend across rounds."
        data={SCHEDULES}
        value={schedule}
        allowDeselect={false}
        onChange={(v) => setSchedule(v as NonNullable<SurveyCreate['schedule']>)}
        maw={420}
      />
      <Group>
        <Button onClick={send} loading={create.isPending} disabled={questions.length === 0 || title.trim() === ''}>
          Send survey
        </Button>
      </Group>
    </Stack>
  );
}

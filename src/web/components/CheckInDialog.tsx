import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMeasure, keyResultProgress, type KeyResultMeasure } from '../../domain/index.js';
import { api } from '../api/client.js';
import { progressKeys } from '../api/okr-queries.js';
import { useUsers } from '../api/queries.js';
import type { CheckIn, KeyResult } from '../api/okr-types.js';
import { percent } from './ProgressBar.js';
import { useInitiatives } from '../api/initiatives.js';
import { useApiSubmit } from './useApiForm.js';
import { ConfidencePicker } from './okr/ConfidencePicker.js';
import { MentionTextarea } from './social/MentionTextarea.js';
import { toBody, toEditable, type Person } from './social/mention-text.js';
import { useReturnFocus } from './useReturnFocus.js';

interface Values {
  value: number | string;
  milestonesDone: boolean[];
  confidence: number | null;
  note: string;
  blockers: string;
}

/** What the entered values would make of the key result's progress: the same function the server uses. */
function preview(kr: KeyResult, values: Values): number | null {
  const value = typeof values.value === 'number' ? values.value : null;
  let measure: KeyResultMeasure;
  if (kr.kind === 'metric')
    measure = { kind: 'metric', startValue: kr.startValue ?? 0, targetValue: kr.targetValue ?? 0, currentValue: value };
  else if (kr.kind === 'threshold') measure = { kind: 'threshold', targetMin: kr.targetMin, targetMax: kr.targetMax, currentValue: value };
  else if (kr.kind === 'milestone')
    measure = { kind: 'milestone', milestones: (kr.milestones ?? []).map((m, i) => ({ ...m, done: values.milestonesDone[i] ?? false })) };
  else return null;
  try {
    return keyResultProgress(measure).progress;
  } catch {
    return null;
  }
}

/** Check in on a key result, or correct an earlier check-in (`editing`). */
export function CheckInDialog({
  kr,
  opened,
  onClose,
  editing,
}: {
  kr: KeyResult;
  opened: boolean;
  onClose: () => void;
  editing?: CheckIn;
}) {
  useReturnFocus();
  const queryClient = useQueryClient();
  const users = useUsers();
  const drive = useInitiatives(kr.id, kr.kind === 'milestone' && !editing);
  const people = (users.data ?? []).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
  const startBlockers = toEditable(editing?.blockers ?? '');
  const [mentioned, setMentioned] = useState<Person[]>(startBlockers.people);
  const form = useForm<Values>({
    mode: 'controlled',
    validate: { confidence: (value) => (value === null ? 'Choose your confidence, from 0 to 10.' : null) },
    initialValues: {
      value: editing?.value ?? kr.currentValue ?? '',
      milestonesDone: editing?.milestonesDone ?? (kr.milestones ?? []).map((m) => m.done),
      confidence: editing ? editing.confidence : null,
      note: editing?.note ?? '',
      blockers: startBlockers.text,
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    const body = {
      value: kr.kind === 'metric' || kr.kind === 'threshold' ? (typeof values.value === 'number' ? values.value : null) : undefined,
      milestonesDone: kr.kind === 'milestone' ? values.milestonesDone : undefined,
      confidence: values.confidence,
      note: values.note || null,
      blockers: toBody(values.blockers, mentioned) || null,
    };
    await api(editing ? `/api/v1/check-ins/${editing.id}` : `/api/v1/key-results/${kr.id}/check-ins`, {
      method: editing ? 'PATCH' : 'POST',
      body,
    });
    // The first check-in also ends Home's introduction (`hasCheckedIn` on /me).
    await Promise.all([...progressKeys, ['me']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    onClose();
  });
  const next = preview(kr, form.getValues());
  const unit = kr.unit && kr.unit !== 'number' ? ` (${kr.unit})` : '';
  // A key result driven by its initiatives moves with their status: no hand check-in is offered (the API refuses it).
  if (drive.data?.drivenByInitiatives)
    return (
      <Modal opened={opened} onClose={onClose} title={`Check in: ${kr.title}`}>
        <Alert color="blue" role="status">
          This key result moves with its initiatives: change their status under “Work, KPI and files” instead.
        </Alert>
      </Modal>
    );
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Correct check-in' : `Check in: ${kr.title}`} size="lg">
      <form onSubmit={onSubmit}>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {(kr.kind === 'metric' || kr.kind === 'threshold') && (
            <NumberInput
              label={`Current value${unit}`}
              description={
                kr.kind === 'metric'
                  ? `From ${formatMeasure(kr.startValue, kr.unit)} to ${formatMeasure(kr.targetValue, kr.unit)}`
                  : `Keep ${kr.targetMin === null ? '−∞' : formatMeasure(kr.targetMin, kr.unit)} to ${kr.targetMax === null ? '∞' : formatMeasure(kr.targetMax, kr.unit)}`
              }
              required
              data-autofocus
              thousandSeparator=","
              {...form.getInputProps('value')}
            />
          )}
          {kr.kind === 'milestone' && (
            <Stack gap="xs" role="group" aria-label="Milestones">
              {(kr.milestones ?? []).map((m, i) => (
                <Checkbox
                  key={i}
                  label={`${m.title} (weight ${m.weight})`}
                  {...form.getInputProps(`milestonesDone.${i}`, { type: 'checkbox' })}
                />
              ))}
              {form.errors.milestonesDone && (
                <Text c="red" size="sm">
                  {form.errors.milestonesDone}
                </Text>
              )}
            </Stack>
          )}
          {kr.kind === 'rollup' && (
            <Text size="sm" c="dimmed">
              This key result moves with the objectives aligned to it. Share your confidence and what is in the way.
            </Text>
          )}
          {next !== null && (
            <Text size="sm" data-testid="progress-preview">
              Progress: {percent(kr.progress)} → <strong>{percent(next)}</strong>
            </Text>
          )}
          <ConfidencePicker
            value={form.getValues().confidence}
            onChange={(value) => form.setFieldValue('confidence', value)}
            error={typeof form.errors.confidence === 'string' ? form.errors.confidence : undefined}
          />
          <Textarea label="Note" placeholder="What moved, what you learned" autosize minRows={2} mt="md" {...form.getInputProps('note')} />
          <MentionTextarea
            label="Blockers"
            placeholder="What is in the way, and who could help (type @ to mention them)"
            value={form.getValues().blockers}
            onChange={(text) => form.setFieldValue('blockers', text)}
            people={people}
            onMention={(person) => setMentioned((list) => [...list, person])}
            error={typeof form.errors.blockers === 'string' ? form.errors.blockers : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {editing ? 'Save correction' : 'Check in'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

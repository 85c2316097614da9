import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { progressKeys } from '../api/okr-queries.js';
import type { KeyResult, KeyResultKind } from '../api/okr-types.js';
import { useUsers } from '../api/queries.js';
import { useApiSubmit } from './useApiForm.js';
import { SUGGESTED_UNITS } from '../../domain/format-measure.js';

const KINDS = [
  { value: 'metric', label: 'Metric' },
  { value: 'threshold', label: 'Keep a level' },
  { value: 'milestone', label: 'Milestones' },
  { value: 'rollup', label: 'Roll-up' },
];
const num = (v: number | string) => (typeof v === 'number' ? v : null);

/** Add a key result of any kind, or edit one (its kind stays); the server's field errors land on the fields. */
export function KeyResultForm({
  objectiveId,
  ownerId,
  onDone,
  editing,
}: {
  objectiveId: string;
  ownerId: string;
  onDone: () => void;
  editing?: KeyResult;
}) {
  const queryClient = useQueryClient();
  const users = useUsers();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      title: editing?.title ?? '',
      kind: (editing?.kind ?? 'metric') as KeyResultKind,
      unit: editing?.unit ?? 'number',
      startValue: (editing?.startValue ?? '') as number | string,
      targetValue: (editing?.targetValue ?? '') as number | string,
      targetMin: (editing?.targetMin ?? '') as number | string,
      targetMax: (editing?.targetMax ?? '') as number | string,
      weight: (editing?.weight ?? 1) as number | string,
      ownerId: (editing ? editing.ownerId : ownerId) as string | null,
      milestones: editing?.milestones?.map((m) => ({ title: m.title, weight: m.weight as number | string })) ?? [
        { title: '', weight: 1 as number | string },
      ],
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    const body = {
      title: v.title,
      kind: v.kind,
      ownerId: v.ownerId,
      weight: num(v.weight) ?? 1,
      ...(v.kind === 'metric' ? { unit: v.unit.trim() || null, startValue: num(v.startValue), targetValue: num(v.targetValue) } : {}),
      ...(v.kind === 'threshold' ? { unit: v.unit.trim() || null, targetMin: num(v.targetMin), targetMax: num(v.targetMax) } : {}),
      ...(v.kind === 'milestone' ? { milestones: v.milestones.map((m) => ({ title: m.title, weight: num(m.weight) ?? 1 })) } : {}),
    };
    if (editing) {
      const { kind: _kind, ...changes } = body;
      await api(`/api/v1/key-results/${editing.id}`, { method: 'PATCH', body: changes });
    } else {
      await api(`/api/v1/objectives/${objectiveId}/key-results`, { method: 'POST', body });
    }
    await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    onDone();
  });
  const kind = form.getValues().kind;
  return (
    <form onSubmit={onSubmit} aria-label="Add a key result">
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Key result"
          description="A measurable outcome, e.g. “Activation rate from 30% to 45%”"
          required
          {...form.getInputProps('title')}
        />
        {!editing && (
          <div>
            <Text size="sm" fw={500} id="kr-kind-label">
              Kind
            </Text>
            <SegmentedControl aria-labelledby="kr-kind-label" data={KINDS} {...form.getInputProps('kind')} />
          </div>
        )}
        {(kind === 'metric' || kind === 'threshold') && (
          <Autocomplete
            label="Unit"
            description="Or any short text: tickets, hours…"
            w={220}
            maxLength={16}
            data={[...SUGGESTED_UNITS]}
            {...form.getInputProps('unit')}
          />
        )}
        {kind === 'metric' && (
          <Group grow>
            <NumberInput label="Start value" required {...form.getInputProps('startValue')} />
            <NumberInput label="Target value" required {...form.getInputProps('targetValue')} />
          </Group>
        )}
        {kind === 'threshold' && (
          <Group grow>
            <NumberInput label="At least" {...form.getInputProps('targetMin')} />
            <NumberInput label="At most" {...form.getInputProps('targetMax')} />
          </Group>
        )}
        {kind === 'milestone' && (
          <Stack gap="xs">
            {form.getValues().milestones.map((_, i) => (
              <Group key={i} align="flex-end" wrap="nowrap">
                <TextInput label={`Milestone ${i + 1}`} style={{ flex: 1 }} required {...form.getInputProps(`milestones.${i}.title`)} />
                <NumberInput label="Weight" w={90} min={0} {...form.getInputProps(`milestones.${i}.weight`)} />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={6}
                  aria-label={`Remove milestone ${i + 1}`}
                  onClick={() => form.removeListItem('milestones', i)}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => form.insertListItem('milestones', { title: '', weight: 1 })}>
              Add milestone
            </Button>
            {form.errors.milestones && (
              <Text c="red" size="sm">
                {form.errors.milestones}
              </Text>
            )}
          </Stack>
        )}
        {kind === 'rollup' && (
          <Text size="sm" c="dimmed">
            Progress comes from the objectives aligned to this key result, weighted by their weights.
          </Text>
        )}
        <Group grow>
          <Select
            label="Owner"
            description="Who checks in on it every week"
            searchable
            // Clicking the selected person again would leave the key result in nobody's week.
            allowDeselect={false}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            {...form.getInputProps('ownerId')}
          />
          <NumberInput label="Weight" min={0} step={0.5} {...form.getInputProps('weight')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {editing ? 'Save key result' : 'Add key result'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

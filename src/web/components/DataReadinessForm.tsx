import { Alert, Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { DataReadiness, KeyResult } from '../api/okr-types.js';
import { useApiSubmit } from './useApiForm.js';

/** The data-readiness checklist of a key result: can we actually measure it? */
export function DataReadinessForm({ kr, onDone }: { kr: KeyResult; onDone: () => void }) {
  const queryClient = useQueryClient();
  const current = kr.dataReadiness ?? {};
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      dataSource: current.dataSource ?? '',
      baselineKnown: current.baselineKnown ?? false,
      measuredBy: current.measuredBy ?? '',
      frequency: current.frequency ?? '',
      reliability: current.reliability ?? 'reliable',
      proxyReplaceBy: current.proxyReplaceBy ?? '',
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    const dataReadiness: DataReadiness = {
      ...v,
      reliability: v.reliability as DataReadiness['reliability'],
      proxyReplaceBy: v.reliability === 'proxy' && v.proxyReplaceBy ? v.proxyReplaceBy : null,
    };
    await api(`/api/v1/key-results/${kr.id}`, { method: 'PATCH', body: { dataReadiness } });
    await queryClient.invalidateQueries({ queryKey: ['objectives'] });
    onDone();
  });
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label="Data source" placeholder="e.g. Zendesk report “First reply time”" {...form.getInputProps('dataSource')} />
        <Checkbox
          label="We know the baseline (the start value is measured, not guessed)"
          {...form.getInputProps('baselineKnown', { type: 'checkbox' })}
        />
        <Group grow>
          <TextInput label="Who measures it" {...form.getInputProps('measuredBy')} />
          <TextInput label="How often" placeholder="weekly" {...form.getInputProps('frequency')} />
        </Group>
        <Select
          label="Reliability"
          allowDeselect={false}
          data={[
            { value: 'reliable', label: 'Reliable' },
            { value: 'proxy', label: 'A proxy for now' },
            { value: 'not_yet_measurable', label: 'Not yet measurable' },
          ]}
          {...form.getInputProps('reliability')}
        />
        {form.getValues().reliability === 'proxy' && (
          <TextInput type="date" label="Replace the proxy by" {...form.getInputProps('proxyReplaceBy')} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save checklist
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

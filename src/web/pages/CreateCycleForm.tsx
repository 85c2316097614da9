import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../api/client.js';
import { okrKeys } from '../api/okr-queries.js';
import type { Cycle } from '../api/okr-types.js';
import { useApiMutation } from '../api/queries.js';
import { useApiSubmit } from '../components/useApiForm.js';
import { proposeNextQuarter } from '../../domain/next-quarter.js';

/** A cycle: proposes the current quarter, or the first later one no existing cycle covers. */
export function CreateCycleForm({ existing = [], onCreated }: { existing?: readonly Cycle[]; onCreated?: (cycle: Cycle) => void }) {
  const create = useApiMutation(
    (body: { name: string; startDate: string; endDate: string; status: string }) => api<Cycle>('/api/v1/cycles', { method: 'POST', body }),
    [okrKeys.cycles],
  );
  const form = useForm({
    mode: 'controlled',
    initialValues: { ...proposeNextQuarter(existing, new Date().toISOString().slice(0, 10)), status: 'active' },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => onCreated?.(await create.mutateAsync(values)));
  return (
    <form onSubmit={onSubmit} aria-label="Create a cycle">
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Cycle name" required w={160} {...form.getInputProps('name')} />
        <TextInput label="Starts" type="date" required w={160} {...form.getInputProps('startDate')} />
        <TextInput label="Ends" type="date" required w={160} {...form.getInputProps('endDate')} />
        <Select
          label="Phase"
          w={130}
          allowDeselect={false}
          data={[
            { value: 'planning', label: 'Planning' },
            { value: 'active', label: 'Active' },
          ]}
          {...form.getInputProps('status')}
        />
        <Button type="submit" loading={busy}>
          Create cycle
        </Button>
      </Group>
      {formError && (
        <Alert color="red" mt="sm" role="alert">
          {formError}
        </Alert>
      )}
    </form>
  );
}

import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../api/client.js';
import { okrKeys } from '../api/okr-queries.js';
import type { Cycle } from '../api/okr-types.js';
import { useApiMutation } from '../api/queries.js';
import { useApiSubmit } from '../components/useApiForm.js';

function nextQuarter(today = new Date()) {
  const year = today.getUTCFullYear();
  const q = Math.floor(today.getUTCMonth() / 3);
  const start = new Date(Date.UTC(year, q * 3, 1));
  const end = new Date(Date.UTC(year, q * 3 + 3, 0));
  return { name: `Q${q + 1} ${year}`, startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) };
}

/** A cycle: defaults to the current quarter. */
export function CreateCycleForm({ onCreated }: { onCreated?: (cycle: Cycle) => void }) {
  const create = useApiMutation(
    (body: { name: string; startDate: string; endDate: string; status: string }) => api<Cycle>('/api/v1/cycles', { method: 'POST', body }),
    [okrKeys.cycles],
  );
  const form = useForm({ mode: 'controlled', initialValues: { ...nextQuarter(), status: 'active' } });
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

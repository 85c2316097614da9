import { Alert, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { createAnnualObjective, createPillar, strategyKeys, type Strategy } from '../../api/strategy.js';
import { useApiSubmit } from '../useApiForm.js';

/** Add a pillar (name and short narrative), or an annual objective of the cycle's year under a pillar. */
export function AddPillarForms({ strategy }: { strategy: Strategy }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: strategyKeys.all });
  const pillar = useForm({ mode: 'controlled', initialValues: { name: '', narrative: '' } });
  const addPillar = useApiSubmit(pillar, async (values) => {
    await createPillar({ name: values.name, narrative: values.narrative.trim() || null, ownerId: null });
    pillar.reset();
    await refresh();
  });
  const annual = useForm({ mode: 'controlled', initialValues: { pillarId: null as string | null, title: '' } });
  const addAnnual = useApiSubmit(annual, async (values) => {
    await createAnnualObjective({ pillarId: values.pillarId ?? '', year: strategy.year, title: values.title });
    annual.reset();
    await refresh();
  });
  return (
    <Stack>
      <form onSubmit={addPillar.onSubmit} aria-labelledby="add-pillar">
        <Stack gap="xs">
          <Title order={2} size="h4" id="add-pillar">
            Add a pillar
          </Title>
          {addPillar.formError && (
            <Alert color="red" role="alert">
              {addPillar.formError}
            </Alert>
          )}
          <TextInput label="Pillar name" required {...pillar.getInputProps('name')} />
          <TextInput label="Narrative" description="A sentence on why it matters" {...pillar.getInputProps('narrative')} />
          <Group justify="flex-end">
            <Button type="submit" loading={addPillar.busy}>
              Add pillar
            </Button>
          </Group>
        </Stack>
      </form>
      {strategy.pillars.length > 0 && (
        <form onSubmit={addAnnual.onSubmit} aria-labelledby="add-annual">
          <Stack gap="xs">
            <Title order={2} size="h4" id="add-annual">
              Add an annual objective for {strategy.year}
            </Title>
            {addAnnual.formError && (
              <Alert color="red" role="alert">
                {addAnnual.formError}
              </Alert>
            )}
            <Select
              label="Under pillar"
              required
              data={strategy.pillars.map((p) => ({ value: p.id, label: p.name }))}
              {...annual.getInputProps('pillarId')}
            />
            <TextInput label="Annual objective" required {...annual.getInputProps('title')} />
            <Group justify="flex-end">
              <Button type="submit" loading={addAnnual.busy}>
                Add annual objective
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

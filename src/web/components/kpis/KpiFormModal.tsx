import { Alert, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { KPI_DIRECTIONS, type KpiDirection } from '../../../domain/kpi-health.js';
import { isPercentUnit } from '../../../domain/kpi-percent-scale.js';
import { createKpi, kpiKeys } from '../../api/kpis.js';
import { useTeams } from '../../api/queries.js';
import { useApiSubmit } from '../useApiForm.js';

const DIRECTION_LABEL: Record<KpiDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  keep_in_band: 'Keep within a band',
};
const num = (v: number | string) => (v === '' ? null : Number(v));

/** A new KPI: name, unit, direction with the bands it needs, cadence and team. */
export function KpiFormModal({ opened, onClose, teamId }: { opened: boolean; onClose: () => void; teamId?: string | null }) {
  const teams = useTeams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: '',
      unit: '',
      direction: 'higher_is_better' as KpiDirection,
      healthy: '' as number | string,
      watch: '' as number | string,
      bandMin: '' as number | string,
      bandMax: '' as number | string,
      watchMargin: '' as number | string,
      cadence: 'weekly' as 'weekly' | 'monthly',
      percentStart: 0 as number | string,
      percentEnd: 100 as number | string,
      teamId: teamId ?? null,
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    const band = v.direction === 'keep_in_band';
    const kpi = await createKpi({
      name: v.name,
      unit: v.unit || null,
      direction: v.direction,
      cadence: v.cadence,
      teamId: v.teamId,
      ...(isPercentUnit(v.unit) ? { percentStart: num(v.percentStart), percentEnd: num(v.percentEnd) } : {}),
      ...(band
        ? { bandMin: num(v.bandMin), bandMax: num(v.bandMax), watchMargin: num(v.watchMargin) }
        : { healthy: num(v.healthy), watch: num(v.watch) }),
    });
    await queryClient.invalidateQueries({ queryKey: kpiKeys.all });
    onClose();
    await navigate(`/kpis/${kpi.id}`);
  });
  const band = form.values.direction === 'keep_in_band';
  const percent = isPercentUnit(form.values.unit);
  return (
    <Modal opened={opened} onClose={onClose} title="New KPI">
      <form onSubmit={onSubmit}>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <TextInput label="Unit" description="%, ms, €…" {...form.getInputProps('unit')} />
            <Select
              label="Cadence"
              data={[
                { value: 'weekly', label: 'Weekly' },
                { value: 'monthly', label: 'Monthly' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('cadence')}
            />
          </Group>
          {percent && (
            <Group grow align="flex-start">
              <NumberInput label="Scale from" description="A percent KPI's scale: 0–100, or 0–1…" {...form.getInputProps('percentStart')} />
              <NumberInput label="Scale to" description="Bands and values lie on it" {...form.getInputProps('percentEnd')} />
            </Group>
          )}
          <Select
            label="Direction"
            data={KPI_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABEL[d] }))}
            allowDeselect={false}
            {...form.getInputProps('direction')}
          />
          {band ? (
            <Group grow align="flex-start">
              <NumberInput label="Band from" {...form.getInputProps('bandMin')} />
              <NumberInput label="Band to" {...form.getInputProps('bandMax')} />
              <NumberInput label="Watch margin" min={0} {...form.getInputProps('watchMargin')} />
            </Group>
          ) : (
            <Group grow align="flex-start">
              <NumberInput
                label="Healthy from"
                description={form.values.direction === 'higher_is_better' ? 'At or above' : 'At or below'}
                {...form.getInputProps('healthy')}
              />
              <NumberInput label="Watch from" description="Beyond it: unhealthy" {...form.getInputProps('watch')} />
            </Group>
          )}
          <Select
            label="Team"
            placeholder="The company"
            clearable
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('teamId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create KPI
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Anchor, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptRecovery, addKpiValue, deleteKpiValue, kpiKeys, useKpi, useKpiValues, type Kpi } from '../api/kpis.js';
import { KpiChart } from '../components/kpis/KpiChart.js';
import { KpiHealthBadge } from '../components/kpis/KpiHealthBadge.js';
import { BulkValuesForm } from '../components/ingest/BulkValuesForm.js';
import { IngestTokensPanel } from '../components/ingest/IngestTokensPanel.js';
import { useApiSubmit } from '../components/useApiForm.js';
import { useDocumentTitle } from '../components/page-title.js';

function bandsText(kpi: Kpi): string {
  const u = kpi.unit ? ` ${kpi.unit}` : '';
  const scale = kpi.percentStart !== null ? ` Scale from ${kpi.percentStart} to ${kpi.percentEnd}${u}.` : '';
  if (kpi.direction === 'higher_is_better') return `Healthy at ≥ ${kpi.healthy}${u}, watch at ≥ ${kpi.watch}${u}, else unhealthy.${scale}`;
  if (kpi.direction === 'lower_is_better') return `Healthy at ≤ ${kpi.healthy}${u}, watch at ≤ ${kpi.watch}${u}, else unhealthy.${scale}`;
  return `Healthy from ${kpi.bandMin} to ${kpi.bandMax}${u}, watch within ${kpi.watchMargin}${u} outside, else unhealthy.${scale}`;
}

function AddValueForm({ kpi }: { kpi: Kpi }) {
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { value: '' as number | string, asOf: '', note: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    await addKpiValue(kpi.id, { value: Number(v.value), asOf: v.asOf || undefined, note: v.note || null });
    form.reset();
    await queryClient.invalidateQueries({ queryKey: kpiKeys.all });
  });
  return (
    <form onSubmit={onSubmit} aria-label="Report a value">
      {formError && (
        <Alert color="red" role="alert" mb="sm">
          {formError}
        </Alert>
      )}
      <Group align="flex-end" wrap="wrap">
        <NumberInput label="Value" required w={140} {...form.getInputProps('value')} />
        <TextInput label="As of" type="date" description="Today if empty" w={170} {...form.getInputProps('asOf')} />
        <TextInput label="Note" w={240} {...form.getInputProps('note')} />
        <Button type="submit" loading={busy}>
          Add value
        </Button>
      </Group>
    </form>
  );
}

/** One KPI: its chart against the bands, the recovery proposal, reporting values and their history. */
export function KpiPage() {
  const { id = '' } = useParams();
  const kpi = useKpi(id);
  const values = useKpiValues(id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useDocumentTitle(kpi.data?.name);
  if (!kpi.data) return <Text c="dimmed">{kpi.isPending ? 'Loading…' : 'This KPI does not exist.'}</Text>;
  const k = kpi.data;
  const accept = async () => {
    const { objectiveId } = await acceptRecovery(k.recovery!.id);
    await queryClient.invalidateQueries({ queryKey: kpiKeys.all });
    await navigate(`/objectives/${objectiveId}`);
  };
  const remove = async (valueId: string) => {
    await deleteKpiValue(k.id, valueId);
    await queryClient.invalidateQueries({ queryKey: kpiKeys.all });
  };
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={k.teamId ? `/teams/${k.teamId}` : '/kpis'} size="sm">
          ← {k.teamName ?? 'KPIs'}
        </Anchor>
        <Group gap="sm" mt={4}>
          <Title order={1} size="h2">
            {k.name}
          </Title>
          <KpiHealthBadge kpi={k} />
        </Group>
        <Text c="dimmed">
          {bandsText(k)} Reported {k.cadence}
          {k.ownerName ? ` by ${k.ownerName}` : ''}.
        </Text>
      </div>
      {k.recovery && (
        <Alert color="red" title={`Unhealthy for ${k.unhealthyPeriods} periods in a row`}>
          <Stack gap="xs">
            <Text size="sm">Cairn drafted a committed objective to bring this KPI back to healthy by the end of the cycle.</Text>
            <Group>
              <Button color="red" onClick={() => void accept()}>
                Accept recovery objective
              </Button>
              <Anchor component={Link} to={`/objectives/${k.recovery.objectiveId}`} size="sm" c="dark" underline="always">
                Review the draft first
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      )}
      <Card withBorder>
        <KpiChart kpi={k} />
      </Card>
      {k.can.report && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Report a value
          </Title>
          <AddValueForm kpi={k} />
        </Card>
      )}
      {k.can.report && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Paste or upload values
          </Title>
          <BulkValuesForm kpiId={k.id} />
        </Card>
      )}
      {k.can.report && (
        <Card withBorder>
          <IngestTokensPanel metric={{ kind: 'kpis', id: k.id }} />
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          History
        </Title>
        <Table aria-label="Values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>As of</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Reported by</Table.Th>
              <Table.Th>Note</Table.Th>
              {k.can.report && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(values.data ?? []).map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.asOf}</Table.Td>
                <Table.Td>
                  {v.value}
                  {k.unit ? ` ${k.unit}` : ''}
                </Table.Td>
                <Table.Td>{v.reporterName ?? v.source}</Table.Td>
                <Table.Td>{v.note}</Table.Td>
                {k.can.report && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void remove(v.id)}
                      aria-label={`Delete the value of ${v.asOf}`}
                    >
                      Delete
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useHeatmap } from '../api/heatmap.js';
import { defaultCycle, useCycles } from '../api/okr-queries.js';
import { HealthBadge } from '../components/across/HealthBadge.js';
import { HeatmapTable } from '../components/across/HeatmapTable.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { TimeTravelPicker, useAsOf } from '../components/okr/TimeTravelPicker.js';

/** Every team of a cycle at a glance, grouped by department: where work is on track, behind, or not looked after. */
export function HeatmapPage() {
  const cycles = useCycles();
  const [params, setParams] = useSearchParams();
  const cycleId = params.get('cycle') ?? defaultCycle(cycles.data ?? [])?.id ?? null;
  const cycle = cycles.data?.find((c) => c.id === cycleId);
  const asOf = useAsOf();
  const heatmap = useHeatmap(cycleId, asOf);
  return (
    <Stack>
      <Title order={1} size="h2">
        Heatmap
      </Title>
      <Group align="end" wrap="wrap">
        <Select
          label="Cycle"
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={cycleId}
          onChange={(v) =>
            setParams((p) => {
              const next = new URLSearchParams(p);
              if (v) next.set('cycle', v);
              return next;
            })
          }
          allowDeselect={false}
        />
        {cycle && <TimeTravelPicker min={cycle.startDate} />}
      </Group>
      {heatmap.isError && <Alert color="red">{heatmap.error.message}</Alert>}
      {heatmap.isPending && cycleId ? (
        <PageSkeleton />
      ) : heatmap.data ? (
        <>
          <Group gap="xs">
            <HealthBadge health={heatmap.data.alignmentHealth} />
            <Text size="sm" c="dimmed">
              Measured on {heatmap.data.asOf}
            </Text>
          </Group>
          {heatmap.data.departments.length === 0 && <Text c="dimmed">No team has published objectives in this cycle yet.</Text>}
          {heatmap.data.departments.map((d) => (
            <Stack key={d.departmentId ?? 'none'} gap="xs">
              <Title order={2} size="h4">
                {d.name}
              </Title>
              <HeatmapTable department={d.name} teams={d.teams} />
            </Stack>
          ))}
        </>
      ) : null}
    </Stack>
  );
}

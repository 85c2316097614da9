import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useHeatmap } from '../api/heatmap.js';
import { useChosenCycle } from '../components/strategy/CycleSelect.js';
import { HealthBadge } from '../components/across/HealthBadge.js';
import { HeatmapTable } from '../components/across/HeatmapTable.js';
import { PageSkeleton } from '../components/PageSkeleton.js';
import { TimeTravelPicker, useAsOf } from '../components/okr/TimeTravelPicker.js';

/** Every team of a cycle at a glance, grouped by department: where work is on track, behind, or not looked after. */
export function HeatmapPage() {
  const { cycleId, cycle, picker } = useChosenCycle();
  const asOf = useAsOf();
  const heatmap = useHeatmap(cycleId, asOf);
  return (
    <Stack>
      <Title order={1} size="h2">
        Heatmap
      </Title>
      <Group align="end" wrap="wrap">
        {picker}
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

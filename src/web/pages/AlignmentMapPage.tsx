import { Alert, Badge, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useAlignmentMap } from '../api/across.js';
import { defaultCycle, useCycles } from '../api/okr-queries.js';
import { useTeams } from '../api/queries.js';
import { AlignmentGraph } from '../components/across/AlignmentGraph.js';
import { HealthBadge } from '../components/across/HealthBadge.js';
import { useListOnDemand } from '../components/on-demand/dropdown-on-open.js';
import { PageSkeleton } from '../components/PageSkeleton.js';

/** The alignment map of a cycle: who supports whom, orphans and unsupported company key results at a glance. */
export function AlignmentMapPage() {
  const cycles = useCycles();
  const teams = useTeams();
  const [params, setParams] = useSearchParams();
  const cycleId = params.get('cycle') ?? defaultCycle(cycles.data ?? [])?.id ?? null;
  const focusTeamId = params.get('focus');
  const keyResults = params.get('keyResults') === 'true';
  const map = useAlignmentMap(cycleId, { focusTeamId, keyResults });
  // Every team is an option of "Focus on": its list is not rendered (hidden) with the map's first paint.
  const cycleList = useListOnDemand();
  const focusList = useListOnDemand();
  const set = useCallback(
    (key: string, value: string | null) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setParams],
  );
  const expand = useCallback((teamId: string) => set('focus', teamId), [set]);
  const orphans = map.data?.nodes.filter((n) => n.orphan && n.type === 'objective').length ?? 0;
  const unsupported = map.data?.nodes.filter((n) => n.unsupported).length ?? 0;
  return (
    <Stack>
      <Title order={1} size="h2">
        Alignment map
      </Title>
      <Group align="end" wrap="wrap">
        <Select
          label="Cycle"
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={cycleId}
          onChange={(v) => set('cycle', v)}
          allowDeselect={false}
          {...cycleList}
        />
        <Select
          label="Focus on"
          placeholder="Whole organisation"
          clearable
          searchable
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: `${t.name}${t.kind === 'department' ? ' (department)' : ''}` }))}
          value={focusTeamId}
          onChange={(v) => set('focus', v)}
          {...focusList}
        />
        <Switch
          label="Show key results"
          checked={keyResults}
          onChange={(e) => set('keyResults', e.currentTarget.checked ? 'true' : null)}
        />
      </Group>
      {map.isError && <Alert color="red">{map.error.message}</Alert>}
      {map.isPending && cycleId ? (
        <PageSkeleton />
      ) : map.data ? (
        <>
          <Group gap="xs">
            <HealthBadge health={map.data.alignmentHealth} />
            <Badge color="grape" variant="light">
              {orphans} orphans
            </Badge>
            <Badge color="orange" variant="light" c="dark.7">
              {unsupported} company key results nothing supports
            </Badge>
          </Group>
          {map.data.aggregated && <Text size="sm">A big cycle: departments are shown together. Expand one to see its objectives.</Text>}
          <AlignmentGraph nodes={map.data.nodes} edges={map.data.edges} onExpand={expand} />
        </>
      ) : null}
    </Stack>
  );
}

import { ActionIcon, Alert, Anchor, Button, Group, Select, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { progressKeys, useCycleObjectives } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import { useListOnDemand } from './on-demand/dropdown-on-open.js';

/** Align an objective to any objective or key result of its cycle, or remove a link; loops are refused by the server. */
export function AlignmentEditor({ objective }: { objective: Objective }) {
  const queryClient = useQueryClient();
  // The cycle's objectives are the picker's options: asked for once the picker is opened, not with the page.
  const [pickerOpened, setPickerOpened] = useState(false);
  const candidates = useCycleObjectives(objective.cycleId, pickerOpened);
  const pickerList = useListOnDemand(() => setPickerOpened(true));
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = new Map<string, string>();
  for (const o of candidates.data ?? []) {
    title.set(`o:${o.id}`, `Objective: ${o.title}`);
    for (const k of o.keyResults) {
      title.set(`k:${k.id}`, `Key result: ${k.title}`);
    }
  }
  const refresh = () => Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const run = async (request: () => Promise<unknown>) => {
    setError(null);
    try {
      await request();
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const add = () => {
    if (!target) return;
    const [kind, id] = target.split(':');
    void run(async () => {
      await api(`/api/v1/objectives/${objective.id}/alignments`, {
        method: 'POST',
        body: kind === 'k' ? { parentKeyResultId: id } : { parentObjectiveId: id },
      });
      setTarget(null);
    });
  };
  const options = (candidates.data ?? [])
    .filter((o) => o.id !== objective.id)
    .map((o) => ({
      group: o.title,
      items: [`o:${o.id}`, ...o.keyResults.map((k) => `k:${k.id}`)].map((value) => ({ value, label: title.get(value)! })),
    }));
  return (
    <Stack gap="xs">
      {objective.parents.map((p) => {
        const label = p.parentKeyResultId ? `Key result: ${p.title}` : `Objective: ${p.title}`;
        return (
          // No wrap: a long title wraps beside its remove button instead of dropping below it on a phone.
          <Group key={p.id} gap="xs" wrap="nowrap" align="flex-start">
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={`Remove alignment to ${label}`}
              onClick={() => run(() => api(`/api/v1/objectives/${objective.id}/alignments/${p.id}`, { method: 'DELETE' }))}
            >
              ✕
            </ActionIcon>
            <Anchor component={Link} to={`/objectives/${p.objectiveId}`} size="sm" miw={0}>
              {label}
            </Anchor>
          </Group>
        );
      })}
      <Group align="flex-end">
        <Select
          label="Align to"
          {...pickerList}
          placeholder="An objective or key result of this cycle"
          searchable
          clearable
          w={380}
          data={options}
          onDropdownOpen={() => setPickerOpened(true)}
          value={target}
          onChange={setTarget}
        />
        <Button variant="light" disabled={!target} onClick={add}>
          Add alignment
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

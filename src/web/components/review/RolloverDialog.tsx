import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { progressKeys, useCycles } from '../../api/okr-queries.js';
import type { Cycle } from '../../api/okr-types.js';
import { rollOver, rolloverCandidates } from '../../api/review.js';

/** Carry objectives of a closed cycle into the next as drafts; carry_over notes come preselected. */
export function RolloverButton({ cycle }: { cycle: Cycle }) {
  const [opened, dialog] = useDisclosure();
  return (
    <>
      <Button variant="default" onClick={dialog.open}>
        Roll over…
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={`Roll over ${cycle.name}`} size="lg" returnFocus>
        {opened && <RolloverForm cycle={cycle} onDone={dialog.close} />}
      </Modal>
    </>
  );
}

function RolloverForm({ cycle, onDone }: { cycle: Cycle; onDone: () => void }) {
  const cycles = useCycles();
  const candidates = useQuery({ queryKey: ['rollover', cycle.id], queryFn: () => rolloverCandidates(cycle.id) });
  const targets = (cycles.data ?? []).filter((c) => c.id !== cycle.id && c.status !== 'closed');
  const [target, setTarget] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Map<string, Set<string>> | null>(null);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const selection =
    chosen ??
    new Map(
      (candidates.data ?? [])
        .filter((c) => c.preselected)
        .map((c) => [c.objectiveId, new Set(c.keyResults.filter((k) => k.preselected).map((k) => k.id))]),
    );
  const toggle = (objectiveId: string, keyResultId?: string) => {
    const next = new Map([...selection].map(([k, v]) => [k, new Set(v)]));
    if (!keyResultId) {
      if (next.has(objectiveId)) next.delete(objectiveId);
      else next.set(objectiveId, new Set());
    } else {
      const krs = next.get(objectiveId) ?? new Set<string>();
      if (krs.has(keyResultId)) krs.delete(keyResultId);
      else krs.add(keyResultId);
      next.set(objectiveId, krs);
    }
    setChosen(next);
  };
  const submit = async () => {
    setError(null);
    try {
      const carried = await rollOver(cycle.id, {
        targetCycleId: target ?? '',
        objectives: [...selection].map(([objectiveId, krs]) => ({ objectiveId, keyResultIds: [...krs] })),
      });
      await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      setDone(carried.length);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The rollover failed.');
    }
  };
  if (done !== null)
    return (
      <Stack>
        <Alert color="teal" role="status">
          {done} objective{done === 1 ? '' : 's'} carried over as drafts.
        </Alert>
        <Button onClick={onDone}>Close</Button>
      </Stack>
    );
  return (
    <Stack>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Select
        label="Into cycle"
        data={targets.map((c) => ({ value: c.id, label: c.name }))}
        value={target}
        onChange={setTarget}
        required
        data-autofocus
      />
      {(candidates.data ?? []).map((c) => (
        <Stack key={c.objectiveId} gap={4}>
          <Checkbox
            label={`${c.title}${c.next ? ` (next: ${c.next.replace('_', ' ')})` : ''}`}
            checked={selection.has(c.objectiveId)}
            onChange={() => toggle(c.objectiveId)}
          />
          {selection.has(c.objectiveId) &&
            c.keyResults.map((k) => (
              <Checkbox
                key={k.id}
                ml="xl"
                size="xs"
                disabled={!k.carriable}
                label={k.carriable ? k.title : `${k.title} (done: nothing to carry)`}
                checked={selection.get(c.objectiveId)!.has(k.id)}
                onChange={() => toggle(c.objectiveId, k.id)}
              />
            ))}
        </Stack>
      ))}
      <Text size="xs" c="dimmed">
        Carried objectives start as drafts linked to this cycle’s; metric key results start from their last value.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={() => void submit()} disabled={!target || selection.size === 0}>
          Roll over {selection.size} objective{selection.size === 1 ? '' : 's'}
        </Button>
      </Group>
    </Stack>
  );
}

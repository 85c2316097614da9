import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useCycleObjectives } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';

/**
 * The picker of a new alignment: any objective or key result of the cycle. Its own chunk (Select, Combobox and
 * floating-ui), loaded when "Add alignment" is pressed, so an objective page does not download it to be read.
 */
export function AlignmentPicker({
  objective,
  onAdd,
  onCancel,
}: {
  objective: Objective;
  /** Adds the alignment; on success the editor closes the picker, on a refusal it stays with the choice. */
  onAdd: (body: { parentKeyResultId: string } | { parentObjectiveId: string }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const candidates = useCycleObjectives(objective.cycleId, true);
  const [target, setTarget] = useState<string | null>(null);
  const title = new Map<string, string>();
  for (const o of candidates.data ?? []) {
    title.set(`o:${o.id}`, `Objective: ${o.title}`);
    for (const k of o.keyResults) title.set(`k:${k.id}`, `Key result: ${k.title}`);
  }
  const options = (candidates.data ?? [])
    .filter((o) => o.id !== objective.id)
    .map((o) => ({
      group: o.title,
      items: [`o:${o.id}`, ...o.keyResults.map((k) => `k:${k.id}`)].map((value) => ({ value, label: title.get(value)! })),
    }));
  const add = () => {
    if (!target) return;
    const [kind, id] = target.split(':') as [string, string];
    void onAdd(kind === 'k' ? { parentKeyResultId: id } : { parentObjectiveId: id });
  };
  return (
    <Group align="flex-end">
      <Select
        label="Align to"
        placeholder={candidates.isPending ? 'Loading the cycle…' : 'An objective or key result of this cycle'}
        searchable
        clearable
        autoFocus
        w={380}
        maw="100%"
        data={options}
        value={target}
        onChange={setTarget}
      />
      <Button variant="light" disabled={!target} onClick={add}>
        Align
      </Button>
      <Button variant="subtle" color="gray" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}

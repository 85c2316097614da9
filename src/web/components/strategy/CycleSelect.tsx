import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { defaultCycle, useCycles } from '../../api/okr-queries.js';

/** The cycle a cross-team page reads (`?cycle=`, else the current one), and its picker (strategy pages, heatmap, department map). */
export function useChosenCycle() {
  const cycles = useCycles();
  const [params, setParams] = useSearchParams();
  const cycleId = params.get('cycle') ?? defaultCycle(cycles.data ?? [])?.id ?? null;
  const picker = (
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
      maw={320}
    />
  );
  const cycle = cycles.data?.find((c) => c.id === cycleId);
  return { cycleId, cycle, picker };
}

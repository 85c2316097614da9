import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useStrategy } from '../../api/strategy.js';

/** The picker's value: `p:<pillar id>`, `a:<annual objective id>`, or null for none. */
export const strategyValue = (editing?: { pillarId: string | null; annualObjectiveId: string | null }): string | null =>
  editing?.annualObjectiveId ? `a:${editing.annualObjectiveId}` : editing?.pillarId ? `p:${editing.pillarId}` : null;

/** The API's fields from the picker: an annual objective brings its pillar; none clears both. */
export function strategyBody(value: string | null) {
  if (!value) return { pillarId: null, annualObjectiveId: null };
  const [kind, id] = value.split(':');
  return kind === 'a' ? { annualObjectiveId: id! } : { pillarId: id!, annualObjectiveId: null };
}

/** "Serves": a strategic pillar, or one of its annual objectives of the cycle's year. Hidden until a pillar exists. */
export function StrategyPicker<T extends { serves: string | null }>({ form, cycleId }: { form: UseFormReturnType<T>; cycleId: string }) {
  const strategy = useStrategy(cycleId);
  const pillars = strategy.data?.pillars ?? [];
  if (pillars.length === 0) return null;
  const data = pillars.map((p) => ({
    group: p.name,
    items: [
      { value: `p:${p.id}`, label: `Pillar: ${p.name}` },
      ...p.annualObjectives.map((a) => ({ value: `a:${a.id}`, label: `${a.year}: ${a.title}` })),
    ],
  }));
  return (
    <Select
      label="Serves"
      description="The strategic pillar (or its annual objective) this objective serves"
      placeholder="No pillar"
      clearable
      searchable
      data={data}
      {...form.getInputProps('serves' as never)}
    />
  );
}

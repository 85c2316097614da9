import { MultiSelect, NumberInput, Select, SimpleGrid, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ProgressDriver } from '../../../domain/vocabulary.js';
import type { Objective } from '../../api/okr-types.js';

/** The objective form's fields beyond its words: who shares it, how much it counts, what drives it, why it stands alone. */
export interface SharingValues {
  contributorUserIds: string[];
  contributorTeamIds: string[];
  weight: number | string;
  progressDriver: ProgressDriver;
  standaloneReason: string;
}

export const sharingDefaults = (editing?: Objective): SharingValues => ({
  contributorUserIds: (editing?.contributors ?? []).flatMap((c) => (c.userId ? [c.userId] : [])),
  contributorTeamIds: (editing?.contributors ?? []).flatMap((c) => (c.teamId ? [c.teamId] : [])),
  weight: editing?.weight ?? 1,
  progressDriver: editing?.progressDriver ?? 'key_results',
  standaloneReason: editing?.standaloneReason ?? '',
});

/** The API's fields from the form's: contributors as people and teams, an empty reason as none. */
export const sharingBody = (values: SharingValues) => ({
  contributors: [...values.contributorUserIds.map((userId) => ({ userId })), ...values.contributorTeamIds.map((teamId) => ({ teamId }))],
  weight: typeof values.weight === 'number' ? values.weight : Number(values.weight),
  progressDriver: values.progressDriver,
  standaloneReason: values.standaloneReason.trim() || null,
});

const DRIVERS: { value: ProgressDriver; label: string }[] = [
  { value: 'key_results', label: 'Its key results' },
  { value: 'aligned', label: 'The objectives aligned to it' },
  { value: 'both', label: 'Both' },
];

export function ObjectiveSharingFields<T extends SharingValues>({
  form,
  people,
  teams,
  aligned,
}: {
  form: UseFormReturnType<T>;
  people: { value: string; label: string }[];
  teams: { value: string; label: string }[];
  /** Whether the objective aligns to something: if not, a team or personal objective says why. */
  aligned: boolean;
}) {
  const input = (field: keyof SharingValues) => form.getInputProps(field as never);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label="Contributing people"
          description="They see it in their week and may check in"
          searchable
          clearable
          data={people}
          {...input('contributorUserIds')}
        />
        <MultiSelect
          label="Contributing teams"
          description="Every member may check in"
          searchable
          clearable
          data={teams}
          {...input('contributorTeamIds')}
        />
        <NumberInput
          label="Weight"
          description="How much it counts in what it aligns to"
          min={0.1}
          step={0.5}
          decimalScale={2}
          {...input('weight')}
        />
        <Select label="Progress comes from" allowDeselect={false} data={DRIVERS} {...input('progressDriver')} />
      </SimpleGrid>
      {!aligned && (
        <Textarea
          label="Why it aligns to nothing"
          description="A team or personal objective usually serves one above it; if this one stands alone, say why"
          autosize
          minRows={1}
          {...input('standaloneReason')}
        />
      )}
    </>
  );
}

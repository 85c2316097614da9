import { MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Visibility } from '../../../domain/vocabulary.js';
import type { Objective } from '../../api/okr-types.js';

/** The objective form's "Who can see this": everyone, its teams, or named people (docs/visibility.md). */
export interface VisibilityValues {
  visibility: Visibility;
  viewerIds: string[];
}

export const visibilityDefaults = (editing?: Objective): VisibilityValues => ({
  visibility: editing?.visibility ?? 'organization',
  viewerIds: editing?.viewerIds ?? [],
});

/** The API's fields: named people only for a private objective (others have none). */
export const visibilityBody = (values: VisibilityValues) => ({
  visibility: values.visibility,
  viewerIds: values.visibility === 'private' ? values.viewerIds : [],
});

const CHOICES: { value: Visibility; label: string }[] = [
  { value: 'organization', label: 'Organisation' },
  { value: 'team', label: 'Team only' },
  { value: 'private', label: 'Private' },
];

const EXPLAINED: Record<Visibility, string> = {
  organization: 'Everyone in the organisation.',
  team: 'Its team and contributing teams, their department leads, and admins.',
  private: 'Its owner, the people named below, and admins. Everyone else gets "not found".',
};

export function VisibilityFields<T extends VisibilityValues>({
  form,
  people,
}: {
  form: UseFormReturnType<T>;
  people: { value: string; label: string }[];
}) {
  const visibility = form.getValues().visibility;
  const input = (field: keyof VisibilityValues) => form.getInputProps(field as never);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="objective-visibility-label">
        Who can see this
      </Text>
      <SegmentedControl aria-labelledby="objective-visibility-label" data={CHOICES} {...input('visibility')} />
      <Text size="xs" c="dimmed" id="objective-visibility-help">
        {EXPLAINED[visibility]}
      </Text>
      {visibility === 'private' && (
        <MultiSelect
          label="People who can see it"
          description="Besides its owner and the admins"
          placeholder="Name people"
          searchable
          clearable
          data={people}
          {...input('viewerIds')}
        />
      )}
    </Stack>
  );
}

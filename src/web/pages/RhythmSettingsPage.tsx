import { Text, Title } from '@mantine/core';
import type { Me } from '../api/types.js';

/** Placeholder page (issue 5 work fills it in). */
export function RhythmSettingsPage({ me }: { me: Me }) {
  return (
    <>
      <Title order={1} size="h2">RhythmSettingsPage</Title>
      <Text c="dimmed">{me.organization.name}</Text>
    </>
  );
}

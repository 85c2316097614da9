import { Text, Title } from '@mantine/core';
import type { Me } from '../api/types.js';

/** Placeholder page (issue 5 work fills it in). */
export function FeedPage({ me }: { me: Me }) {
  return (
    <>
      <Title order={1} size="h2">FeedPage</Title>
      <Text c="dimmed">{me.organization.name}</Text>
    </>
  );
}

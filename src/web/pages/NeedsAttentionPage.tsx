import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Me } from '../api/types.js';
import { AttentionTable } from '../components/rhythm/AttentionTable.js';
import { useAttention, useRhythm } from '../components/rhythm/rhythm-api.js';

/** Overdue check-ins and unanswered blockers across the organisation, oldest first. */
export function NeedsAttentionPage({ me }: { me: Me }) {
  const items = useAttention();
  const rhythm = useRhythm();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Needs attention
        </Title>
        <Text c="dimmed">
          {me.organization.name}: check-ins not made {rhythm.data ? `${rhythm.data.updateWithinHours} hours` : 'long'} after they fell due,
          and blockers nobody answered within {rhythm.data ? `${rhythm.data.answerWithinHours} hours` : 'the agreed time'}.
        </Text>
      </div>
      {items.isError && (
        <Alert color="red" role="alert">
          Could not load the list.
        </Alert>
      )}
      {items.isPending && <Text c="dimmed">Loading…</Text>}
      {items.data?.length === 0 && (
        <Alert color="teal" role="status">
          Nothing needs attention: every check-in is in and every blocker has an answer.
        </Alert>
      )}
      {items.data && items.data.length > 0 && <AttentionTable items={items.data} />}
    </Stack>
  );
}

import { Button, Group, Text, Title } from '@mantine/core';
import { memo } from 'react';
import type { KeyResult } from '../../api/okr-types.js';
import type { Me } from '../../api/types.js';
import { KeyResultCard } from '../KeyResultCard.js';

/** The objective's key results, each a card with its check-in, and the button that adds one. */
export const ObjectiveKeyResults = memo(function ObjectiveKeyResults({
  keyResults,
  me,
  closed,
  reviewing,
  mayAdd,
  onAdd,
  trends,
  trendsPending,
}: {
  keyResults: KeyResult[];
  me: Me;
  closed: boolean;
  reviewing: boolean;
  mayAdd: boolean;
  onAdd: () => void;
  /** Each key result's progress history, by id; undefined while it loads. */
  trends: Record<string, number[]> | undefined;
  trendsPending: boolean;
}) {
  return (
    <>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Key results
        </Title>
        {!closed && mayAdd && (
          <Button size="xs" variant="light" onClick={onAdd}>
            Add key result
          </Button>
        )}
      </Group>
      {keyResults.length === 0 && <Text c="dimmed">No key results yet: how will you know you got there?</Text>}
      {keyResults.map((kr) => (
        <KeyResultCard
          key={kr.id}
          kr={kr}
          me={me}
          closed={closed}
          reviewing={reviewing}
          ownerName={kr.ownerName ?? undefined}
          trend={trends?.[kr.id]}
          trendPending={trendsPending}
        />
      ))}
    </>
  );
});

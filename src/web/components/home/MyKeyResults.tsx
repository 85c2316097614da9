import { Anchor, Stack } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { KeyResult, Objective } from '../../api/okr-types.js';
import type { Me } from '../../api/types.js';
import { KeyResultCard } from '../KeyResultCard.js';

/**
 * Due first: stale, then never checked in, then the longest since the last check-in. ISO days order as plain strings
 * (`localeCompare` would build an ICU collator, 30–50 ms the first time on a page, for nothing).
 */
const byDay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const dueOrder = (a: KeyResult, b: KeyResult) =>
  Number(b.stale) - Number(a.stale) || byDay(a.lastCheckInDate ?? '', b.lastCheckInDate ?? '');

/** A contributor owns none of the objective's key results yet may check in on all of them: they are in their week. */
const contributesTo = (o: Objective, userId: string) =>
  o.ownerId !== userId && !o.keyResults.some((k) => k.ownerId === userId) && o.keyResults.some((k) => k.can.checkIn);

/** The key results a person owns or contributes to, due first, each with the objective it serves. */
export function keyResultsOf(objectives: Objective[], userId: string) {
  return objectives
    .flatMap((o) => o.keyResults.filter((k) => k.ownerId === userId || contributesTo(o, userId)).map((k) => ({ k, o })))
    .sort((x, y) => dueOrder(x.k, y.k));
}

/** Home's list of my key results, each under its objective's title. */
export const MyKeyResults = memo(function MyKeyResults({
  items,
  me,
  closed,
}: {
  items: { k: KeyResult; o: Objective }[];
  me: Me;
  closed: boolean;
}) {
  return (
    <Stack gap="sm" data-testid="my-key-results">
      {items.map(({ k, o }) => (
        <Stack key={k.id} gap={4}>
          <Anchor component={Link} to={`/objectives/${o.id}`} size="xs" c="dimmed">
            {o.title}
          </Anchor>
          <KeyResultCard kr={k} me={me} closed={closed} />
        </Stack>
      ))}
    </Stack>
  );
});

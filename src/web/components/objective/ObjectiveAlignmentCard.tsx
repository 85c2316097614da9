import { Anchor, Card, Skeleton, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { Objective } from '../../api/okr-types.js';
import { AlignmentEditor } from '../AlignmentEditor.js';

/** What the objective aligns to (editable while the cycle is open) and the objectives aligned to it. */
export const ObjectiveAlignmentCard = memo(function ObjectiveAlignmentCard({
  o,
  closed,
  aligned,
  alignedPending,
}: {
  o: Objective;
  closed: boolean;
  /** The objectives aligned to this one; undefined while they load. */
  aligned: Objective[] | undefined;
  alignedPending: boolean;
}) {
  const children = aligned ?? [];
  if (closed && o.parents.length === 0 && children.length === 0) return null;
  return (
    <Card withBorder>
      <Stack gap={4}>
        {o.parents.length > 0 && (
          <Text size="sm" fw={600}>
            Aligns to
          </Text>
        )}
        {closed || !o.can.align ? (
          o.parents.map((p) => (
            <Anchor key={p.id} component={Link} to={`/objectives/${p.objectiveId}`} size="sm">
              {p.parentKeyResultId ? `Key result: ${p.title}` : p.title}
            </Anchor>
          ))
        ) : (
          <AlignmentEditor objective={o} />
        )}
        {alignedPending && <Skeleton h={44} mt="xs" w="70%" aria-hidden />}
        {children.length > 0 && (
          <Text size="sm" fw={600} mt="xs">
            Aligned to this objective
          </Text>
        )}
        {children.map((c) => (
          <Anchor key={c.id} component={Link} to={`/objectives/${c.id}`} size="sm">
            {c.title} · {Math.round(c.progress * 100)}%
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
});

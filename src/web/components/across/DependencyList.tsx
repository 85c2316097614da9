import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { Dependency, DependencyStatus } from '../../api/dependencies.js';
import { STATUS_LABEL } from '../ProgressBar.js';
import { lazyNamed } from '../../routing/lazy-named.js';

// Fetched when an answer is first given: an objective page is read far more often than it answers a dependency.
const AnswerDependencyDialog = lazyNamed(() => import('./AnswerDependencyDialog.js'), 'AnswerDependencyDialog');

const STATUS: Record<DependencyStatus, { label: string; color: string }> = {
  requested: { label: 'Awaiting answer', color: 'gray' },
  accepted: { label: 'Accepted', color: 'teal' },
  declined: { label: 'Declined', color: 'red' },
};

/** Who needs what from whom, by when; its answer, and whether the providing objective puts it at risk. */
function DependencyItem({
  d,
  side,
  onAnswer,
  readOnly,
}: {
  d: Dependency;
  side: 'need' | 'provide';
  onAnswer: () => void;
  readOnly: boolean;
}) {
  const other =
    side === 'need' ? (
      <Anchor component={Link} to={`/teams/${d.providingTeamId}`} size="sm" fw={600}>
        {d.providingTeamName}
      </Anchor>
    ) : d.requestingTeamId ? (
      <Anchor component={Link} to={`/teams/${d.requestingTeamId}`} size="sm" fw={600}>
        {d.requestingTeamName}
      </Anchor>
    ) : (
      <Text span size="sm" fw={600}>
        The company
      </Text>
    );
  return (
    <Stack gap={2} data-testid="dependency">
      <Group gap={6} wrap="wrap">
        <Text span size="sm">
          {side === 'need' ? 'From' : 'For'}
        </Text>
        {other}
        <Badge color={STATUS[d.status].color} variant="light">
          {STATUS[d.status].label}
        </Badge>
        {d.overdue && (
          <Badge color="orange" variant="filled">
            Answer overdue
          </Badge>
        )}
        {d.atRisk && (
          <Badge color="red" variant="filled">
            At risk
          </Badge>
        )}
        {!readOnly && d.can.answer && d.status === 'requested' && (
          <Button size="compact-xs" variant="light" onClick={onAnswer}>
            Answer
          </Button>
        )}
      </Group>
      <Text size="sm">
        {d.description}{' '}
        <Text span c="dimmed" size="sm">
          · needed by {d.neededBy}
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        For{' '}
        <Anchor component={Link} to={`/objectives/${d.objectiveId}`} size="xs">
          {d.objectiveTitle}
        </Anchor>
        {d.providingObjectiveId && (
          <>
            {' '}
            · rests on{' '}
            <Anchor component={Link} to={`/objectives/${d.providingObjectiveId}`} size="xs">
              {d.providingObjectiveTitle}
            </Anchor>
            {d.providerStatus && ` (${STATUS_LABEL[d.providerStatus].toLowerCase()})`}
          </>
        )}
      </Text>
      {d.answerNote && (
        <Text size="xs" c="dimmed">
          “{d.answerNote}”
        </Text>
      )}
    </Stack>
  );
}
export function DependencyList({ items, side, readOnly = false }: { items: Dependency[]; side: 'need' | 'provide'; readOnly?: boolean }) {
  const [answering, setAnswering] = useState<Dependency | null>(null);
  return (
    <Stack gap="sm">
      {items.map((d) => (
        <DependencyItem key={d.id} d={d} side={side} readOnly={readOnly} onAnswer={() => setAnswering(d)} />
      ))}
      {answering && (
        <Suspense fallback={null}>
          <AnswerDependencyDialog dependency={answering} onClose={() => setAnswering(null)} />
        </Suspense>
      )}
    </Stack>
  );
}

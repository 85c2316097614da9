import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useObjectiveDependencies } from '../../api/dependencies.js';
import type { Cycle, Objective } from '../../api/okr-types.js';
import { DependencyList } from './DependencyList.js';
import { Suspense } from 'react';
import { lazyNamed } from '../../routing/lazy-named.js';

// The request form (team and objective pickers) loads when someone asks, not with every objective page.
const DependencyRequestForm = lazyNamed(() => import('./DependencyRequestForm.js'), 'DependencyRequestForm');

/** What this objective needs from other teams, with their answers; whoever may edit it may ask for more. */
export function ObjectiveDependencies({
  objective,
  cycle,
  asOf,
  closed,
}: {
  objective: Objective;
  cycle: Cycle | undefined;
  asOf: string | null;
  closed: boolean;
}) {
  const list = useObjectiveDependencies(objective.id, asOf);
  const [asking, ask] = useDisclosure();
  const items = list.data ?? [];
  const canAsk = !closed && objective.can.edit && objective.status !== 'archived' && cycle !== undefined;
  if (items.length === 0 && !canAsk) return null;
  return (
    <Card withBorder aria-labelledby="dependencies-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="dependencies-heading">
          Depends on
        </Title>
        {canAsk && (
          <Button size="xs" variant="light" onClick={ask.open}>
            Depend on a team
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing asked of other teams.
        </Text>
      ) : (
        <DependencyList items={items} side="need" readOnly={closed} />
      )}
      {asking && cycle && (
        <Suspense fallback={null}>
          <DependencyRequestForm objective={objective} cycle={cycle} onClose={ask.close} />
        </Suspense>
      )}
    </Card>
  );
}

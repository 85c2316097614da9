import { Anchor, Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCycles } from '../../api/okr-queries.js';
import { useApiMutation } from '../../api/queries.js';
import { createRolloutObjective, refreshRolloutValues, rolloutObjectiveKey, useRolloutObjectives } from '../../api/rollout.js';
import { showRefusal } from './mutation-feedback.js';

/**
 * "OKRs for the rollout itself": one click creates "Make OKRs our way of working"; Cairn proposes each key result's
 * figure (adoption, surveys) with its source, and the owner confirms it on the objective's page.
 */
export function RolloutObjectiveCard() {
  const list = useRolloutObjectives(true);
  const cycles = useCycles();
  const [cycleId, setCycleId] = useState<string | null>(null);
  const create = useApiMutation(createRolloutObjective, [rolloutObjectiveKey]);
  const refresh = useApiMutation(refreshRolloutValues, [rolloutObjectiveKey]);
  const taken = new Set((list.data?.objectives ?? []).map((o) => o.cycleId));
  const choices = (cycles.data ?? []).filter((c) => c.status !== 'closed' && !taken.has(c.id));
  // The running cycle unless another is chosen: one click, as promised, for the usual case.
  const chosen = choices.find((c) => c.id === cycleId)?.id ?? (choices.find((c) => c.status === 'active') ?? choices[0])?.id ?? null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        OKRs for the rollout
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Key results fed from the adoption figures and the pulse surveys: each new figure arrives as a proposed value naming its source.
      </Text>
      <Stack gap="sm">
        {(list.data?.objectives ?? []).map((o) => (
          <div key={o.objectiveId}>
            <Anchor component={Link} to={`/objectives/${o.objectiveId}`} fw={600}>
              {`${o.title} (${o.cycleName}, ${o.status})`}
            </Anchor>
            <List size="sm" aria-label={`Key results of ${o.title} in ${o.cycleName}`}>
              {o.keyResults.map((kr) => (
                <List.Item key={kr.id}>
                  {kr.title}:{' '}
                  {kr.latest
                    ? `${kr.latest.value} ${kr.unit ?? ''} proposed on ${kr.latest.asOf} (${kr.latest.status}) — ${kr.latest.source}`
                    : 'no figure yet'}
                </List.Item>
              ))}
            </List>
          </div>
        ))}
        {(list.data?.objectives.length ?? 0) > 0 && (
          <Group>
            <Button
              variant="light"
              loading={refresh.isPending}
              onClick={() =>
                refresh.mutate(undefined, {
                  onSuccess: (r) => notifications.show({ color: 'green', title: 'Figures proposed', message: `${r.proposed} new values.` }),
                  onError: showRefusal('Figures not proposed'),
                })
              }
            >
              Propose today’s figures
            </Button>
          </Group>
        )}
        {choices.length > 0 && (
          <Group align="end">
            <Select
              label="Cycle for the rollout objective"
              data={choices.map((c) => ({ value: c.id, label: c.name }))}
              value={chosen}
              onChange={setCycleId}
              allowDeselect={false}
            />
            <Button
              disabled={!chosen}
              loading={create.isPending}
              onClick={() => chosen && create.mutate(chosen, { onError: showRefusal('Rollout objective not created') })}
            >
              Create “Make OKRs our way of working”
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

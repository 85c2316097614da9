import { Alert, Anchor, Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.js';
import { useApiMutation, useTeams } from '../api/queries.js';
import { setPilot, usePilot } from '../api/surveys.js';
import type { Me } from '../api/types.js';

/** The rollout workspace for champions and admins: for now the pilot scope, with the surveys one click away. */
export function RolloutPage({ me }: { me: Me }) {
  const allowed = me.can.manageRollout;
  const pilot = usePilot(allowed);
  const teams = useTeams();
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => setChosen((pilot.data?.teams ?? []).map((t) => t.id)), [pilot.data]);
  const save = useApiMutation(setPilot, [['rollout', 'pilot']]);
  if (!allowed) return <Alert color="gray">The rollout page is for OKR champions and admins.</Alert>;
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1} size="h2">
          Rollout
        </Title>
        <Text c="dimmed">Start with a pilot, listen to the teams, then widen the programme.</Text>
      </div>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Pilot scope
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          The departments and teams in the programme (their sub-teams come along). Surveys sent to “the pilot” reach their members.
        </Text>
        <MultiSelect
          label="Teams in the pilot"
          placeholder="No pilot: everyone takes part"
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={chosen}
          onChange={setChosen}
          searchable
        />
        <Group mt="sm">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(chosen, {
                onSuccess: () =>
                  notifications.show({ color: 'green', title: 'Pilot saved', message: `${chosen.length} teams in the pilot.` }),
                onError: (e) =>
                  notifications.show({ color: 'red', title: 'Not saved', message: e instanceof ApiError ? e.message : String(e) }),
              })
            }
          >
            Save pilot
          </Button>
        </Group>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Listen
        </Title>
        <Anchor component={Link} to="/surveys">
          Send a pulse survey and read its results
        </Anchor>
      </Card>
    </Stack>
  );
}

import { Alert, Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ROLLOUT_FOCI, type RolloutFocus } from '../../../domain/rollout/programme.js';
import { useApiMutation, useUsers } from '../../api/queries.js';
import { programmeKey, setRolloutTeam, type RolloutTeam } from '../../api/rollout.js';
import { showRefusal } from './mutation-feedback.js';

const FOCUS_OPTIONS = ROLLOUT_FOCI.map((f) => ({ value: f, label: f[0]!.toUpperCase() + f.slice(1) }));
const isFocus = (value: string | null): value is RolloutFocus => (ROLLOUT_FOCI as readonly (string | null)[]).includes(value);

/** Who drives the rollout and with which focus; a focus nobody covers shows what the team should watch for. */
export function RolloutTeamCard({ team }: { team: RolloutTeam }) {
  const people = useUsers();
  const save = useApiMutation(setRolloutTeam, [programmeKey]);
  const [person, setPerson] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const current = team.members.map((m) => ({ userId: m.userId, focus: m.focus }));
  const write = (members: typeof current, after?: () => void) =>
    save.mutate(members, { onSuccess: after, onError: showRefusal('Rollout team not saved') });
  const candidates = (people.data ?? [])
    .filter((p) => p.active && !team.members.some((m) => m.userId === p.id))
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Rollout team
      </Title>
      <Stack gap="sm">
        {team.members.length === 0 && <Text c="dimmed">Nobody on the rollout team yet.</Text>}
        {team.members.map((m) => (
          <Group key={m.userId} gap="sm" wrap="wrap" align="end">
            <Text fw={600} miw={140}>
              {m.name}
            </Text>
            <Select
              label={`Focus of ${m.name}`}
              data={FOCUS_OPTIONS}
              value={m.focus}
              allowDeselect={false}
              onChange={(value) => isFocus(value) && write(current.map((c) => (c.userId === m.userId ? { ...c, focus: value } : c)))}
              w={160}
            />
            <Button variant="subtle" color="red" onClick={() => write(current.filter((c) => c.userId !== m.userId))}>
              {`Remove ${m.name}`}
            </Button>
          </Group>
        ))}
        <Group gap="sm" wrap="wrap" align="end">
          <Select
            label="Add a person"
            placeholder="Choose someone"
            data={candidates}
            value={person}
            onChange={setPerson}
            searchable
            w={220}
          />
          <Select
            label="Their focus"
            placeholder="Strategy, process or people"
            data={FOCUS_OPTIONS}
            value={focus}
            onChange={setFocus}
            w={200}
          />
          <Button
            disabled={!person || !isFocus(focus)}
            loading={save.isPending}
            onClick={() =>
              person &&
              isFocus(focus) &&
              write([...current, { userId: person, focus }], () => {
                setPerson(null);
                setFocus(null);
              })
            }
          >
            Add to the team
          </Button>
        </Group>
        {team.blindSpots.map((spot) => (
          <Alert key={spot.focus} color="yellow" title={`Nobody covers ${spot.focus}: blind spots to watch`}>
            <List size="sm">
              {spot.risks.map((risk) => (
                <List.Item key={risk}>{risk}</List.Item>
              ))}
            </List>
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}

import { Button, Card, Group, MultiSelect, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useApiMutation, useTeams } from '../../api/queries.js';
import { programmeKey, updateProgrammeSettings, type Programme } from '../../api/rollout.js';
import { setPilot } from '../../api/surveys.js';
import { showRefusal } from './mutation-feedback.js';

/** The pilot's departments and teams, and whether team objectives wait for the company's. */
export function PilotCard({ pilot, settings }: Pick<Programme, 'pilot' | 'settings'>) {
  const teams = useTeams();
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => setChosen(pilot.teams.map((t) => t.id)), [pilot]);
  const savePilot = useApiMutation(setPilot, [programmeKey, ['rollout', 'pilot']]);
  const saveSettings = useApiMutation(updateProgrammeSettings, [programmeKey]);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Pilot scope
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Reminders, digests and the publish gate apply to these departments and teams (their sub-teams come along); everyone else can read.
        Surveys sent to “the pilot” reach their members. No pilot: the whole organisation takes part.
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
          loading={savePilot.isPending}
          onClick={() =>
            savePilot.mutate(chosen, {
              onSuccess: () =>
                notifications.show({ color: 'green', title: 'Pilot saved', message: `${chosen.length} teams in the pilot.` }),
              onError: showRefusal('Pilot not saved'),
            })
          }
        >
          Save pilot
        </Button>
      </Group>
      <Switch
        mt="lg"
        label="Company OKRs first"
        description="Team objectives stay in draft until the company has published its own for the cycle."
        checked={settings.companyOkrsFirst}
        onChange={(e) => saveSettings.mutate({ companyOkrsFirst: e.currentTarget.checked }, { onError: showRefusal('Setting not saved') })}
      />
      <Switch
        mt="sm"
        label="Approval required before publishing"
        description="A team objective in the programme is published once an OKR champion or a lead of the team has approved a review of it."
        checked={settings.approvalRequired}
        onChange={(e) => saveSettings.mutate({ approvalRequired: e.currentTarget.checked }, { onError: showRefusal('Setting not saved') })}
      />
    </Card>
  );
}

import { Badge, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { PHASE_LABELS } from '../../../domain/rollout/programme.js';
import { useApiMutation, useUsers } from '../../api/queries.js';
import { programmeKey, updatePhase, type PhaseChange, type PhaseView } from '../../api/rollout.js';
import { showRefusal } from './mutation-feedback.js';

const NAMES: Record<PhaseView['phase'], string> = {
  assessment: 'Assessment',
  communication: 'Communication',
  engagement: 'Engagement',
  support: 'Support',
  monitoring: 'Monitoring',
};

/** The programme's five phases as a checklist; each change is saved as it is made. */
export function PhasesChecklist({ phases }: { phases: PhaseView[] }) {
  const people = useUsers();
  const save = useApiMutation(updatePhase, [programmeKey]);
  const change = (phase: PhaseView['phase'], body: PhaseChange) =>
    save.mutate({ ...body, phase }, { onError: showRefusal('Phase not saved') });
  const options = (people.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }));
  const done = phases.filter((p) => p.done).length;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Phases
        </Title>
        <Badge variant="light">{`${done} of ${phases.length} done`}</Badge>
      </Group>
      <Stack gap="md">
        {phases.map((p) => (
          <Stack key={p.phase} gap={6} data-testid={`phase-${p.phase}`}>
            <Checkbox
              checked={p.done}
              label={<Text fw={600}>{NAMES[p.phase]}</Text>}
              description={PHASE_LABELS[p.phase]}
              onChange={(e) => change(p.phase, { done: e.currentTarget.checked })}
            />
            <Group gap="sm" wrap="wrap" pl={32}>
              <Select
                label={`Owner of ${NAMES[p.phase].toLowerCase()}`}
                placeholder="Nobody yet"
                data={options}
                value={p.ownerId}
                onChange={(ownerId) => change(p.phase, { ownerId })}
                searchable
                clearable
                w={220}
              />
              <TextInput
                type="date"
                label={`Due date of ${NAMES[p.phase].toLowerCase()}`}
                value={p.dueOn ?? ''}
                onChange={(e) => change(p.phase, { dueOn: e.currentTarget.value || null })}
                w={220}
              />
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

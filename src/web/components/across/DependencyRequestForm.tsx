import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { dependencyKeys, requestDependency } from '../../api/dependencies.js';
import type { Cycle, Objective } from '../../api/okr-types.js';
import { useTeams } from '../../api/queries.js';
import { useApiSubmit } from '../useApiForm.js';

interface Props {
  objective: Pick<Objective, 'id' | 'teamId' | 'cycleId'>;
  cycle: Pick<Cycle, 'startDate' | 'endDate'>;
  onClose: () => void;
}

/** Ask another team for something this objective needs: which team, optionally which of their objectives, what and by when. */
export function DependencyRequestForm({ objective, cycle, onClose }: Props) {
  const teams = useTeams();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { teamId: null as string | null, objectiveId: null as string | null, description: '', neededBy: '' },
  });
  const teamId = form.values.teamId;
  const theirObjectives = useQuery({
    queryKey: ['objectives', 'cycle', objective.cycleId, 'team', teamId],
    enabled: Boolean(teamId),
    queryFn: () => api<Objective[]>(`/api/v1/objectives?cycleId=${objective.cycleId}&teamId=${teamId}`),
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    if (!v.teamId) {
      form.setFieldError('teamId', 'Choose the team you depend on.');
      return;
    }
    await requestDependency(objective.id, {
      teamId: v.teamId,
      objectiveId: v.objectiveId,
      description: v.description,
      neededBy: v.neededBy,
    });
    await queryClient.invalidateQueries({ queryKey: dependencyKeys.all });
    onClose();
  });
  const otherTeams = (teams.data ?? []).filter((t) => t.id !== objective.teamId);
  return (
    <Modal opened onClose={onClose} title="Depend on another team">
      <form onSubmit={onSubmit}>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <Select
            label="Team"
            required
            searchable
            data-autofocus
            data={otherTeams.map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('teamId')}
            onChange={(value) => {
              form.setFieldValue('teamId', value);
              form.setFieldValue('objectiveId', null);
            }}
          />
          <Select
            label="Their objective"
            description="Optional: the objective of theirs this rests on"
            clearable
            disabled={!teamId}
            data={(theirObjectives.data ?? []).filter((o) => o.status !== 'archived').map((o) => ({ value: o.id, label: o.title }))}
            {...form.getInputProps('objectiveId')}
          />
          <Textarea label="What you need" required autosize minRows={2} maxLength={2000} {...form.getInputProps('description')} />
          <TextInput label="Needed by" type="date" required min={cycle.startDate} max={cycle.endDate} {...form.getInputProps('neededBy')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Ask them
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

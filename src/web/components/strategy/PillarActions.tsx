import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useUsers } from '../../api/queries.js';
import { deletePillar, strategyKeys, updatePillar, type PillarPage } from '../../api/strategy.js';
import { ConfirmDialog } from '../ConfirmDialog.js';
import { useApiSubmit } from '../useApiForm.js';

/** Edit a pillar's name, narrative and owner, or delete it (admins and champions, as `can.edit` says). */
export function PillarActions({ pillar }: { pillar: PillarPage }) {
  const [editing, edit] = useDisclosure();
  const [deleting, remove] = useDisclosure();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const people = useUsers();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: pillar.name, narrative: pillar.narrative ?? '', ownerId: pillar.ownerId },
  });
  const save = useApiSubmit(form, async (values) => {
    await updatePillar(pillar.id, { name: values.name, narrative: values.narrative.trim() || null, ownerId: values.ownerId });
    await queryClient.invalidateQueries({ queryKey: strategyKeys.all });
    edit.close();
  });
  const annual = pillar.annualObjectives.length;
  return (
    <Group gap="xs">
      <Button size="compact-sm" variant="light" onClick={edit.open}>
        Edit pillar
      </Button>
      <Button size="compact-sm" variant="subtle" color="red" onClick={remove.open}>
        Delete pillar
      </Button>
      <Modal opened={editing} onClose={edit.close} title={`Edit ${pillar.name}`}>
        <form onSubmit={save.onSubmit}>
          <Stack gap="sm">
            {save.formError && (
              <Alert color="red" role="alert">
                {save.formError}
              </Alert>
            )}
            <TextInput label="Pillar name" required {...form.getInputProps('name')} />
            <Textarea
              label="Narrative"
              description="Why it matters, in a few sentences"
              autosize
              minRows={2}
              {...form.getInputProps('narrative')}
            />
            <Select
              label="Pillar owner"
              clearable
              searchable
              data={(people.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              {...form.getInputProps('ownerId')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.busy}>
                Save pillar
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmDialog
        opened={deleting}
        onClose={remove.close}
        title={`Delete ${pillar.name}?`}
        confirmLabel="Delete pillar"
        onConfirm={async () => {
          await deletePillar(pillar.id);
          navigate('/strategy');
          await queryClient.invalidateQueries({ queryKey: strategyKeys.all });
        }}
      >
        Objectives that serve it stay and lose only the link.{' '}
        {annual > 0 ? `Its ${annual} annual objective${annual === 1 ? '' : 's'} ${annual === 1 ? 'is' : 'are'} deleted with it. ` : ''}
        This cannot be undone.
      </ConfirmDialog>
    </Group>
  );
}

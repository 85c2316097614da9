import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.js';
import { progressKeys } from '../api/okr-queries.js';
import type { Cycle } from '../api/okr-types.js';
import { useApiSubmit } from '../components/useApiForm.js';
import { CycleRemoval } from '../components/okr/CycleRemoval.js';
import { useReturnFocus } from '../components/useReturnFocus.js';

/** Rename a cycle, move its dates, change its phase, or close it (which scores and freezes it). */
export function CycleSettingsModal({ cycle, onClose }: { cycle: Cycle; onClose: () => void }) {
  useReturnFocus();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: cycle.name,
      startDate: cycle.startDate,
      endDate: cycle.endDate,
      reviewOpensOn: cycle.reviewOpensOn ?? '',
      status: cycle.status as string,
      closeOverrideReason: '',
    },
  });
  const closing = form.getValues().status === 'closed' && cycle.status !== 'closed';
  const early = closing && new Date().toISOString().slice(0, 10) < form.getValues().endDate;
  // The review items still open when closing was refused: the admin may close anyway with a reason.
  const [gaps, setGaps] = useState<string[]>([]);
  const { onSubmit, formError, busy } = useApiSubmit(form, async ({ closeOverrideReason, reviewOpensOn, ...values }) => {
    const body = {
      ...values,
      reviewOpensOn: reviewOpensOn || null,
      ...(closing && closeOverrideReason.trim() ? { closeOverrideReason } : {}),
    };
    try {
      await api(`/api/v1/cycles/${cycle.id}`, { method: 'PATCH', body: cycle.status === 'closed' ? { name: values.name } : body });
    } catch (error) {
      if (error instanceof ApiError && error.type === '/problems/review-incomplete') return setGaps(error.errors.map((e) => e.message));
      throw error;
    }
    await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={`Cycle settings: ${cycle.name}`} size="lg">
      <form onSubmit={onSubmit}>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Cycle name" required {...form.getInputProps('name')} />
          <Group grow>
            <TextInput label="Starts" type="date" required disabled={cycle.status === 'closed'} {...form.getInputProps('startDate')} />
            <TextInput label="Ends" type="date" required disabled={cycle.status === 'closed'} {...form.getInputProps('endDate')} />
          </Group>
          <TextInput
            label="Review opens on"
            description="Optional phase date"
            type="date"
            disabled={cycle.status === 'closed'}
            {...form.getInputProps('reviewOpensOn')}
          />
          <Select
            label="Phase"
            allowDeselect={false}
            disabled={cycle.status === 'closed'}
            data={[
              { value: 'planning', label: 'Planning' },
              { value: 'active', label: 'Active (execution)' },
              { value: 'review', label: 'Review (score and close notes)' },
              { value: 'closed', label: 'Closed (scored)' },
            ]}
            {...form.getInputProps('status')}
          />
          {closing && (
            <Alert color="yellow" title="Closing scores and freezes the cycle" role="status">
              <Text size="sm">
                Every key result is scored at its progress on {form.getValues().endDate}, every objective over those scores. Afterwards
                nobody can check in or change its OKRs; owners can still override a score with a reason.
              </Text>
            </Alert>
          )}
          {early && (
            <Alert color="orange" title="Closing before the end date" role="status">
              <Text size="sm">This cycle ends on {form.getValues().endDate}: closing now ends it early.</Text>
            </Alert>
          )}
          {closing && gaps.length > 0 && (
            <Alert color="red" title="The review is not done" role="alert">
              <List size="sm">
                {gaps.map((gap) => (
                  <List.Item key={gap}>{gap}</List.Item>
                ))}
              </List>
              <Textarea mt="sm" label="Reason to close anyway" required {...form.getInputProps('closeOverrideReason')} />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={closing ? 'red' : undefined} loading={busy}>
              {closing ? 'Close and score the cycle' : 'Save cycle'}
            </Button>
          </Group>
        </Stack>
      </form>
      <CycleRemoval cycle={cycle} onDone={onClose} />
    </Modal>
  );
}

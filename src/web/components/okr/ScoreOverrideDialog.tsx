import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { progressKeys } from '../../api/okr-queries.js';
import type { KeyResult } from '../../api/okr-types.js';
import { useApiSubmit } from '../useApiForm.js';

/** What the dialog needs of a key result: the OKR view's key result, or a row of the review board. */
export type OverridableKeyResult = Pick<KeyResult, 'id' | 'title' | 'score' | 'achievement' | 'scoreOverride' | 'scoreOverrideReason'>;

interface Values {
  score: number | string;
  reason: string;
}

/** The score override's dialog, loaded when its button is first pressed (`ScoreOverrideButton`). */
export function ScoreOverrideDialog({ kr, opened, onClose }: { kr: OverridableKeyResult; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Score of ${kr.title}`} returnFocus>
      {opened && <ScoreOverrideForm kr={kr} onDone={onClose} />}
    </Modal>
  );
}

function ScoreOverrideForm({ kr, onDone }: { kr: OverridableKeyResult; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { score: kr.scoreOverride ?? '', reason: kr.scoreOverrideReason ?? '' },
  });
  const save = async (body: { score: number; reason: string } | null) => {
    await api(`/api/v1/key-results/${kr.id}/score-override`, { method: 'PUT', body });
    await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    onDone();
  };
  const { onSubmit, formError, busy } = useApiSubmit(form, (values) =>
    save({ score: typeof values.score === 'number' ? values.score : Number.NaN, reason: values.reason }),
  );
  const computed = kr.score !== null && kr.scoreOverride === null ? kr.score : kr.achievement;
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Text size="sm">
          Computed from the check-ins: <strong>{Math.min(1, Math.max(0, computed)).toFixed(2)}</strong>. Override it when the numbers miss
          what really happened, and say why: the reason stays beside the score.
        </Text>
        <NumberInput
          label="Score"
          description="From 0.0 to 1.0"
          min={0}
          max={1}
          step={0.1}
          decimalScale={2}
          required
          data-autofocus
          {...form.getInputProps('score')}
        />
        <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          {kr.scoreOverride !== null && (
            <Button variant="subtle" color="red" onClick={() => void save(null)}>
              Remove override
            </Button>
          )}
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save score
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { progressKeys } from '../../api/okr-queries.js';
import { saveClosingNote, type ReviewObjective } from '../../api/review.js';
import { useApiSubmit } from '../useApiForm.js';

const OUTCOMES = [
  { value: 'achieved', label: 'Achieved' },
  { value: 'partially', label: 'Partially achieved' },
  { value: 'missed', label: 'Missed' },
];
const NEXT = [
  { value: 'done', label: 'Done: nothing more to do' },
  { value: 'carry_over', label: 'Carry over to the next cycle' },
  { value: 'rework', label: 'Rework it' },
  { value: 'drop', label: 'Drop it' },
];

/** One lesson a line; tags after a `#` (e.g. "Agree baselines early #data #planning"). */
const parseLessons = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ text: line.replace(/#\S+/g, '').trim(), tags: [...line.matchAll(/#(\S+)/g)].map((m) => m[1]!) }));

export function ClosingNoteButton({ objective }: { objective: ReviewObjective }) {
  const [opened, dialog] = useDisclosure();
  const label = objective.closingNote ? 'Edit closing note' : 'Write closing note';
  return (
    <>
      <Button
        size="xs"
        variant={objective.closingNote ? 'default' : 'filled'}
        onClick={dialog.open}
        aria-label={`${label} for ${objective.title}`}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={`Closing note: ${objective.title}`} size="lg" returnFocus>
        {opened && <ClosingNoteForm objective={objective} onDone={dialog.close} />}
      </Modal>
    </>
  );
}

function ClosingNoteForm({ objective, onDone }: { objective: ReviewObjective; onDone: () => void }) {
  const queryClient = useQueryClient();
  const note = objective.closingNote;
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      outcome: note?.outcome ?? objective.proposedOutcome,
      whatWorked: note?.whatWorked ?? '',
      whatDidNot: note?.whatDidNot ?? '',
      lessons: (note?.lessons ?? []).map((l) => [l.text, ...l.tags.map((t) => `#${t}`)].join(' ')).join('\n'),
      next: note?.next ?? 'done',
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    await saveClosingNote(objective.id, { ...values, lessons: parseLessons(values.lessons) } as Parameters<typeof saveClosingNote>[1]);
    await Promise.all(progressKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    onDone();
  });
  return (
    <form onSubmit={onSubmit}>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Select
          label="Outcome"
          description={`Proposed from the score ${objective.score?.toFixed(2) ?? '–'} and the ${objective.type} type: ${objective.proposedOutcome}`}
          data={OUTCOMES}
          allowDeselect={false}
          data-autofocus
          {...form.getInputProps('outcome')}
        />
        <Textarea label="What worked" autosize minRows={2} maxLength={4000} {...form.getInputProps('whatWorked')} />
        <Textarea label="What did not" autosize minRows={2} maxLength={4000} {...form.getInputProps('whatDidNot')} />
        <Textarea
          label="Lessons"
          description="One lesson a line; add tags with # (e.g. Agree baselines before the quarter #data)"
          autosize
          minRows={2}
          {...form.getInputProps('lessons')}
        />
        <Select label="What next" data={NEXT} allowDeselect={false} {...form.getInputProps('next')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save closing note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

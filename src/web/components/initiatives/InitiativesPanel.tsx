import { Anchor, Button, NativeSelect, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import {
  createInitiative,
  deleteInitiative,
  INITIATIVE_STATUS_LABELS,
  setDrivenByInitiatives,
  updateInitiative,
  useInitiatives,
  type Initiative,
  type InitiativeStatus,
} from '../../api/initiatives.js';
import { AddForm, ItemList, RowAction } from '../lists/ItemList.js';
import { useApiSubmit } from '../useApiForm.js';

const STATUS_OPTIONS = Object.entries(INITIATIVE_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/**
 * The work under a key result. It counts in no progress, unless a milestone key result is driven by its initiatives:
 * then each initiative not dropped is a milestone, done when the initiative is.
 */
export function InitiativesPanel(props: { keyResultId: string; milestone: boolean; closed: boolean; meId: string }) {
  const { keyResultId, milestone, closed, meId } = props;
  const list = useInitiatives(keyResultId);
  const queryClient = useQueryClient();
  // A driven key result's progress moves with its initiatives: refresh everything that shows progress.
  const refresh = () => queryClient.invalidateQueries();
  const form = useForm({ mode: 'controlled', initialValues: { title: '', dueDate: '', url: '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    await createInitiative(keyResultId, { title: v.title, dueDate: v.dueDate || null, url: v.url || null });
    form.reset();
    await refresh();
  });
  const data = list.data;
  const editable = (i: Initiative) => !closed && Boolean(data?.can.plan || i.ownerId === meId);
  return (
    <Stack gap="xs" component="section" aria-label="Initiatives">
      <Title order={3} size="h5">
        Initiatives
      </Title>
      <Text size="xs" c="dimmed">
        {data?.drivenByInitiatives
          ? 'These initiatives drive this key result: each one done ticks a milestone.'
          : 'The work under this key result. Initiatives do not count in its progress.'}
      </Text>
      {data && data.initiatives.length === 0 && (
        <Text size="sm" c="dimmed">
          No initiatives yet.
        </Text>
      )}
      <ItemList
        label="Initiatives"
        items={data?.initiatives ?? []}
        row={(i) => (
          <>
            {i.url ? (
              <Anchor href={i.url} target="_blank" rel="noopener noreferrer nofollow" underline="always">
                {i.title}
              </Anchor>
            ) : (
              <Text size="sm">{i.title}</Text>
            )}
            <Text size="xs" c="dimmed">
              {[i.ownerName, i.dueDate ? `due ${i.dueDate}` : null].filter(Boolean).join(' · ')}
            </Text>
            <NativeSelect
              size="xs"
              aria-label={`Status of ${i.title}`}
              data={STATUS_OPTIONS}
              value={i.status}
              disabled={!editable(i)}
              onChange={(e) => void updateInitiative(i.id, { status: e.currentTarget.value as InitiativeStatus }).then(refresh)}
            />
            {!closed && data?.can.plan && (
              <RowAction label={`Remove initiative ${i.title}`} onClick={() => void deleteInitiative(i.id).then(refresh)} />
            )}
          </>
        )}
      />
      {milestone && data?.can.drive && !closed && (
        <Switch
          size="sm"
          label="Drive this key result by its initiatives"
          checked={data.drivenByInitiatives}
          onChange={(e) => void setDrivenByInitiatives(keyResultId, e.currentTarget.checked).then(refresh)}
        />
      )}
      {data?.can.plan && !closed && (
        <AddForm
          label="Add an initiative"
          onSubmit={onSubmit}
          error={formError}
          fields={
            <>
              <TextInput label="Initiative" required {...form.getInputProps('title')} />
              <TextInput label="Due" type="date" {...form.getInputProps('dueDate')} />
              <TextInput label="Link" placeholder="https://" {...form.getInputProps('url')} />
            </>
          }
          actions={
            <Button type="submit" size="xs" variant="light" loading={busy}>
              Add initiative
            </Button>
          }
        />
      )}
    </Stack>
  );
}

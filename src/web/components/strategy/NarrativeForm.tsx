import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { saveNarrative, strategyKeys, type Strategy } from '../../api/strategy.js';
import { useApiSubmit } from '../useApiForm.js';

/** Mission and vision, editable by whoever runs the programme. */
export function NarrativeForm({ strategy }: { strategy: Strategy }) {
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { mission: strategy.mission ?? '', vision: strategy.vision ?? '' } });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (values) => {
    await saveNarrative({ mission: values.mission.trim() || null, vision: values.vision.trim() || null });
    await queryClient.invalidateQueries({ queryKey: strategyKeys.all });
  });
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="xs">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Textarea label="Mission" description="Why the organisation exists" autosize minRows={1} {...form.getInputProps('mission')} />
        <Textarea label="Vision" description="Where it is going" autosize minRows={1} {...form.getInputProps('vision')} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={busy}>
            Save mission and vision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';
import { useApiSubmit } from '../useApiForm.js';
import { HOURS, rhythmKeys, WEEKDAYS, type Rhythm } from './rhythm-api.js';

interface Values {
  updateWithinHours: number | string;
  answerWithinHours: number | string;
  escalateAfterHours: number | string;
  digestDay: string;
  digestHour: string;
}

const hours = (value: number | string) => (typeof value === 'number' ? value : Number(value));

/** The organisation's response timeframes and digest moment; read-only for members. */
export function TimeframesForm({ rhythm, canEdit }: { rhythm: Rhythm; canEdit: boolean }) {
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (body: Omit<Rhythm, 'timeZone'>) => api<Rhythm>('/api/v1/organization/rhythm', { method: 'PUT', body }),
    [rhythmKeys.rhythm, rhythmKeys.teams, rhythmKeys.attention],
  );
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { ...rhythm, digestDay: String(rhythm.digestDay), digestHour: String(rhythm.digestHour) },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    setSaved(false);
    await save.mutateAsync({
      updateWithinHours: hours(v.updateWithinHours),
      answerWithinHours: hours(v.answerWithinHours),
      escalateAfterHours: hours(v.escalateAfterHours),
      digestDay: Number(v.digestDay),
      digestHour: Number(v.digestHour),
    });
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} aria-label="Response timeframes">
      <Stack gap="sm">
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label="Updates expected within (hours)"
            description="After a reminder; later, the check-in is overdue"
            w={250}
            min={1}
            max={672}
            allowDecimal={false}
            disabled={!canEdit}
            {...form.getInputProps('updateWithinHours')}
          />
          <NumberInput
            label="Blockers answered within (hours)"
            description="A blocker without a reply is flagged after this"
            w={250}
            min={1}
            max={672}
            allowDecimal={false}
            disabled={!canEdit}
            {...form.getInputProps('answerWithinHours')}
          />
          <NumberInput
            label="Tell team leads after (hours)"
            description="Missing check-ins, counted from the due moment"
            w={250}
            min={1}
            max={672}
            allowDecimal={false}
            disabled={!canEdit}
            {...form.getInputProps('escalateAfterHours')}
          />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Weekly digest for leads on"
            data={WEEKDAYS}
            w={200}
            allowDeselect={false}
            disabled={!canEdit}
            {...form.getInputProps('digestDay')}
          />
          <Select label="Digest at" data={HOURS} w={120} allowDeselect={false} disabled={!canEdit} {...form.getInputProps('digestHour')} />
          <Text size="sm" c="dimmed" pb={8}>
            {rhythm.timeZone}
          </Text>
          {canEdit && (
            <Button type="submit" loading={busy}>
              Save timeframes
            </Button>
          )}
        </Group>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {saved && (
          <Alert color="teal" role="status" py={6}>
            Timeframes saved.
          </Alert>
        )}
      </Stack>
    </form>
  );
}

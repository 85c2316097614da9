import { Alert, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { keys, useApiMutation } from '../../api/queries.js';
import { useApiSubmit } from '../useApiForm.js';
import { HOURS, rhythmKeys, when, WEEKDAYS, type Cadence, type TeamRhythm } from './rhythm-api.js';

const CADENCES = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Monthly (first of that weekday)' },
];

interface Values {
  checkInCadence: Cadence;
  checkInDay: string;
  checkInHour: string;
  webhookUrl: string;
  slackChannelId: string;
}

/** One team's check-in schedule, Slack-compatible webhook and Slack channel. Admins edit; members read. */
export function TeamRhythmForm({ team, canEdit }: { team: TeamRhythm; canEdit: boolean }) {
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (body: object) => api(`/api/v1/teams/${team.id}`, { method: 'PATCH', body }),
    [rhythmKeys.teams, keys.teams, rhythmKeys.attention],
  );
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      checkInCadence: team.checkInCadence,
      checkInDay: String(team.checkInDay),
      checkInHour: String(team.checkInHour),
      webhookUrl: team.webhookUrl ?? '',
      slackChannelId: team.slackChannelId ?? '',
    },
  });
  const { onSubmit, formError, busy } = useApiSubmit(form, async (v) => {
    setSaved(false);
    const webhookUrl = v.webhookUrl.trim() === '' ? null : v.webhookUrl.trim();
    const slackChannelId = v.slackChannelId.trim() === '' ? null : v.slackChannelId.trim();
    await save.mutateAsync({
      checkInCadence: v.checkInCadence,
      checkInDay: Number(v.checkInDay),
      checkInHour: Number(v.checkInHour),
      webhookUrl,
      slackChannelId,
    });
    setSaved(true);
  });
  return (
    <Card withBorder component="section" aria-label={`Check-in rhythm of ${team.name}`}>
      <form onSubmit={onSubmit} aria-label={`Check-in rhythm of ${team.name}`}>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{team.name}</Text>
            <Text size="sm" c="dimmed">
              Next due {when(team.nextDueAt)}
            </Text>
          </Group>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={`Cadence for ${team.name}`}
              data={CADENCES}
              w={240}
              allowDeselect={false}
              disabled={!canEdit}
              {...form.getInputProps('checkInCadence')}
            />
            <Select
              label={`Due day for ${team.name}`}
              data={WEEKDAYS}
              w={150}
              allowDeselect={false}
              disabled={!canEdit}
              {...form.getInputProps('checkInDay')}
            />
            <Select
              label={`Due hour for ${team.name}`}
              data={HOURS}
              w={110}
              allowDeselect={false}
              disabled={!canEdit}
              {...form.getInputProps('checkInHour')}
            />
            {canEdit ? (
              <TextInput
                label={`Webhook URL for ${team.name}`}
                description="Slack, Teams or Mattermost incoming webhook; empty for none"
                placeholder="https://hooks.slack.com/services/…"
                w={360}
                {...form.getInputProps('webhookUrl')}
              />
            ) : (
              <Text size="sm" pb={8}>
                Webhook: {team.hasWebhook ? 'set' : 'none'}
              </Text>
            )}
            {canEdit ? (
              <TextInput
                label={`Slack channel for ${team.name}`}
                description="Channel ID for the weekly digest and wins (Slack app); empty for none"
                placeholder="C0123456789"
                w={220}
                {...form.getInputProps('slackChannelId')}
              />
            ) : (
              <Text size="sm" pb={8}>
                Slack channel: {team.slackChannelId ?? 'none'}
              </Text>
            )}
            {canEdit && (
              <Button type="submit" loading={busy}>
                Save {team.name}
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
              Saved.
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}

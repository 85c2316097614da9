import { Alert, Button, Checkbox, Group, Stack, Table } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { socialKeys } from '../../api/social.js';
import type { NotificationKind, Preferences } from '../../api/social-types.js';
import type { Channel } from '../../../domain/vocabulary.js';

export const KIND_LABELS: Record<NotificationKind, string> = {
  mention: 'Mentions',
  comment: 'Comments on my OKRs and check-ins',
  celebration: 'Targets reached',
  reminder: 'Check-in reminders',
  escalation: 'Missing check-ins (leads)',
  digest: 'Weekly digest',
  blocker: 'Blockers',
  survey: 'Pulse surveys and their reminders',
  review: 'Review requests on draft objectives',
};
const CHANNELS = [
  { channel: 'in_app', label: 'In Cairn' },
  { channel: 'email', label: 'E-mail' },
] as const;

/** Kind × channel checkboxes, saved together (the API replaces the whole set). */
export function PreferencesTable({ preferences }: { preferences: Preferences['preferences'] }) {
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState(preferences);
  const [saved, setSaved] = useState<string | null>(null);
  const enabled = (kind: NotificationKind, channel: string) =>
    choices.find((c) => c.kind === kind && c.channel === channel)?.enabled ?? true;
  const set = (kind: NotificationKind, channel: Channel, on: boolean) => {
    setSaved(null);
    setChoices((list) => list.map((c) => (c.kind === kind && c.channel === channel ? { ...c, enabled: on } : c)));
  };
  const save = async () => {
    await api('/api/v1/me/notification-preferences', { method: 'PUT', body: { preferences: choices } });
    await queryClient.invalidateQueries({ queryKey: socialKeys.preferences });
    setSaved('Your notification settings are saved.');
  };
  return (
    <Stack gap="sm">
      <Table aria-label="How you hear of each kind of notification" maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Notification</Table.Th>
            {CHANNELS.map((c) => (
              <Table.Th key={c.channel}>{c.label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(Object.keys(KIND_LABELS) as NotificationKind[]).map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>{KIND_LABELS[kind]}</Table.Td>
              {CHANNELS.map(({ channel, label }) => (
                <Table.Td key={channel}>
                  <Checkbox
                    aria-label={`${KIND_LABELS[kind]}: ${label}`}
                    checked={enabled(kind, channel)}
                    onChange={(event) => set(kind, channel, event.currentTarget.checked)}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="sm" onClick={() => void save()}>
          Save notification settings
        </Button>
      </Group>
      {saved && (
        <Alert color="teal" role="status">
          {saved}
        </Alert>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { socialKeys } from '../../api/social.js';
import type { Preferences } from '../../api/social-types.js';

const HOURS = [
  { value: '', label: 'Not set' },
  ...Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` })),
];
const hour = (value: string) => (value === '' ? null : Number(value));

/** Quiet hours: e-mail that would arrive inside them waits until they end (in-app notifications do not wait). */
export function QuietHoursForm({ initial, timeZone }: { initial: Preferences['quietHours']; timeZone: string | null }) {
  const queryClient = useQueryClient();
  const [start, setStart] = useState(initial.start === null ? '' : String(initial.start));
  const [end, setEnd] = useState(initial.end === null ? '' : String(initial.end));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    setMessage(null);
    try {
      await api('/api/v1/me/quiet-hours', { method: 'PUT', body: { start: hour(start), end: hour(end) } });
      await queryClient.invalidateQueries({ queryKey: socialKeys.preferences });
      setMessage({ ok: true, text: start === '' ? 'Quiet hours are off.' : 'Quiet hours saved.' });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : 'Quiet hours could not be saved.' });
    }
  };
  return (
    <Stack gap="sm" maw={560}>
      <Text size="sm" c="dimmed">
        E-mails wait until your quiet hours end. Times are in {timeZone ?? 'UTC'}; change your time zone on{' '}
        <Anchor component={Link} to="/settings/profile" size="sm" underline="always">
          your profile
        </Anchor>
        .
      </Text>
      <Group align="flex-end">
        <NativeSelect label="Quiet from" data={HOURS} value={start} onChange={(e) => setStart(e.currentTarget.value)} w={140} />
        <NativeSelect label="Quiet until" data={HOURS} value={end} onChange={(e) => setEnd(e.currentTarget.value)} w={140} />
        <Button onClick={() => void save()}>Save quiet hours</Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}

import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import {
  createReportSchedule,
  deleteReportSchedule,
  useInvalidateSchedules,
  useReportSchedules,
  type ReportSchedule,
} from '../../api/reports.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

const when = (s: ReportSchedule) =>
  `${s.cadence === 'weekly' ? `Every ${WEEKDAYS[s.day]}` : `First ${WEEKDAYS[s.day]} of each month`}, ${String(s.hour).padStart(2, '0')}:00`;

/** Addresses typed one per line or separated by commas. */
const addressesOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/** The report e-mailed to named stakeholders on a schedule (admins and champions), and the schedules that run. */
export function ReportEmailPanel({ cycleId, teamId }: { cycleId: string; teamId: string | null }) {
  const [recipients, setRecipients] = useState('');
  const [cadence, setCadence] = useState<'weekly' | 'monthly'>('weekly');
  const [day, setDay] = useState('1');
  const [hour, setHour] = useState('8');
  const [error, setError] = useState<string | null>(null);
  const schedules = useReportSchedules();
  const refresh = useInvalidateSchedules();
  const mine = (schedules.data ?? []).filter((s) => s.cycleId === cycleId && s.teamId === teamId);

  const failed = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));
  const save = () =>
    createReportSchedule({ cycleId, teamId, recipients: addressesOf(recipients), cadence, day: Number(day), hour: Number(hour) })
      .then(() => {
        setRecipients('');
        setError(null);
        return refresh();
      })
      .catch(failed);

  return (
    <Card withBorder component="section" aria-labelledby="report-email-title" data-print="hide">
      <Title order={2} size="h4" id="report-email-title" mb="sm">
        E-mail this report
      </Title>
      <Stack gap="sm">
        <Textarea
          label="Stakeholders' e-mail addresses"
          description="One per line or separated by commas; they need no account"
          autosize
          minRows={2}
          value={recipients}
          onChange={(e) => setRecipients(e.currentTarget.value)}
          error={error}
        />
        <Group align="end" wrap="wrap">
          <Select
            label="How often"
            data={[
              { value: 'weekly', label: 'Weekly' },
              { value: 'monthly', label: 'Monthly (first such weekday)' },
            ]}
            value={cadence}
            onChange={(v) => setCadence(v === 'monthly' ? 'monthly' : 'weekly')}
            allowDeselect={false}
            w={230}
          />
          <Select
            label="Day"
            data={WEEKDAYS.map((label, i) => ({ value: String(i), label }))}
            value={day}
            onChange={(v) => setDay(v ?? '1')}
            allowDeselect={false}
            w={150}
          />
          <Select label="Hour" data={HOURS} value={hour} onChange={(v) => setHour(v ?? '8')} allowDeselect={false} w={110} />
          <Button onClick={save}>Schedule e-mail</Button>
        </Group>
        {mine.length > 0 && (
          <Stack gap={4}>
            <Text fw={600}>Scheduled</Text>
            {mine.map((s) => (
              <Group key={s.id} justify="space-between" wrap="wrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {when(s)} to {s.recipients.join(', ')}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Stop e-mailing ${s.recipients.join(', ')}`}
                  onClick={() => deleteReportSchedule(s.id).then(refresh).catch(failed)}
                >
                  Stop
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

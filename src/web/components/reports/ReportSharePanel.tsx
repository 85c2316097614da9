import { Button, Card, CopyButton, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { createReportShare, revokeReportShare, useInvalidateShares, useReportShares, type ReportShare } from '../../api/reports.js';

const failed = (error: unknown) =>
  notifications.show({ color: 'red', title: 'Not saved', message: error instanceof ApiError ? error.message : String(error) });

/** Read-only links for stakeholders outside Cairn (admins and champions); admins see and revoke every open link. */
export function ReportSharePanel({ cycleId, teamId, isAdmin }: { cycleId: string; teamId: string | null; isAdmin: boolean }) {
  const [days, setDays] = useState<number | string>(14);
  const [created, setCreated] = useState<ReportShare | null>(null);
  const shares = useReportShares(isAdmin);
  const refresh = useInvalidateShares();
  const share = () =>
    createReportShare({ cycleId, teamId, days: Number(days) })
      .then((link) => {
        setCreated(link);
        return refresh();
      })
      .catch(failed);
  return (
    <Card withBorder component="section" aria-labelledby="share-title" data-print="hide">
      <Title order={2} size="h4" id="share-title" mb="sm">
        Share with stakeholders
      </Title>
      <Group align="end" wrap="wrap">
        <NumberInput label="Link works for (days)" min={1} max={90} value={days} onChange={setDays} w={180} />
        <Button onClick={share}>Create read-only link</Button>
      </Group>
      {created && (
        <Group mt="sm" align="end" wrap="nowrap">
          <TextInput label="Read-only link" value={created.url} readOnly style={{ flex: 1, minWidth: 0 }} />
          <CopyButton value={created.url}>{({ copy, copied }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
        </Group>
      )}
      {isAdmin && (shares.data?.length ?? 0) > 0 && (
        <Stack gap={4} mt="md">
          <Text fw={600}>Open links</Text>
          {shares.data?.map((s) => (
            <Group key={s.id} justify="space-between" wrap="wrap">
              <Text size="sm">
                {s.teamName ? `${s.teamName} · ` : ''}
                {s.cycleName} · by {s.createdByName ?? 'someone'} · until {s.expiresAt.slice(0, 10)}
              </Text>
              <Button size="xs" variant="subtle" color="red" onClick={() => revokeReportShare(s.id).then(refresh).catch(failed)}>
                Revoke
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

import { Button, Code, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createSlackLinkCode, slackLinkKey, unlinkSlack, useSlackLink, type SlackLinkCode } from '../../api/slack.js';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Link Slack: a one-time code to type in Slack as `/cairn link CODE`, or the link there is, with Unlink. */
export function SlackLinkCard() {
  const link = useSlackLink();
  const client = useQueryClient();
  const [code, setCode] = useState<SlackLinkCode | null>(null);
  const [busy, setBusy] = useState(false);
  const getCode = async () => {
    setBusy(true);
    try {
      setCode(await createSlackLinkCode());
    } finally {
      setBusy(false);
    }
  };
  const unlink = async () => {
    await unlinkSlack();
    setCode(null);
    await client.invalidateQueries({ queryKey: slackLinkKey });
  };
  if (link.data?.linked)
    return (
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">Linked to Slack: reminders come as direct messages, and /cairn shows your key results.</Text>
        <Button variant="subtle" color="red" onClick={unlink}>
          Unlink Slack
        </Button>
      </Group>
    );
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        Link your Slack account once to get check-in reminders as Slack messages with a Check in button, and to see your key results with
        /cairn.
      </Text>
      {code ? (
        <div role="status">
          <Text size="sm">In Slack, send this command (the code works once, until {timeOf(code.expiresAt)}):</Text>
          <Code block mt="xs" fz="md" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {code.command}
          </Code>
          <Button variant="subtle" mt="xs" onClick={() => void client.invalidateQueries({ queryKey: slackLinkKey })}>
            I have sent it
          </Button>
        </div>
      ) : (
        <Button onClick={getCode} loading={busy}>
          Link Slack
        </Button>
      )}
    </>
  );
}

import { Button, CopyButton, Group, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { revokeCalendarFeed, useCalendarFeed } from '../../api/reports.js';

/** The person's private calendar link: shown on request (created on first use), and revocable. */
export function CalendarFeedCard() {
  const [shown, setShown] = useState(false);
  const feed = useCalendarFeed(shown);
  const client = useQueryClient();
  const revoke = async () => {
    await revokeCalendarFeed();
    client.removeQueries({ queryKey: ['calendar-feed'] });
    setShown(false);
  };
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        Subscribe in your calendar app to see your check-in due times, your meetings and the cycle&apos;s dates. Keep the link private;
        revoke it if it leaks.
      </Text>
      {!shown || !feed.data ? (
        <Button onClick={() => setShown(true)} loading={shown && feed.isPending}>
          Show my calendar link
        </Button>
      ) : (
        <Group align="end" wrap="wrap">
          <TextInput label="Calendar link" value={feed.data.url} readOnly style={{ flex: 1, minWidth: 0 }} />
          <CopyButton value={feed.data.url}>
            {({ copy, copied }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}
          </CopyButton>
          <Button variant="subtle" color="red" onClick={revoke}>
            Revoke link
          </Button>
        </Group>
      )}
    </>
  );
}

import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useFeed } from '../api/social.js';
import { useTeams } from '../api/queries.js';
import type { Me } from '../api/types.js';
import { FeedItemCard } from '../components/social/FeedItemCard.js';

/** What is happening across the organisation, or in one team: newest first, live. */
export function FeedPage({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const teamId = params.get('team');
  const teams = useTeams();
  const feed = useFeed(teamId);
  const items = (feed.data?.pages ?? []).flatMap((page) => page.items);
  const teamOptions = [
    { value: '', label: `All of ${me.organization.name}` },
    ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Feed
          </Title>
          <Text c="dimmed">Check-ins, targets reached, new and closed OKRs, and the conversation around them.</Text>
        </div>
        <NativeSelect
          label="Team"
          data={teamOptions}
          value={teamId ?? ''}
          onChange={(e) => setParams(e.currentTarget.value ? { team: e.currentTarget.value } : {})}
          w={240}
        />
      </Group>
      {feed.isPending && <Text c="dimmed">Loading…</Text>}
      {feed.isError && <Text c="red.9">The feed could not be loaded.</Text>}
      {feed.data && items.length === 0 && <Text c="dimmed">Nothing has happened here yet. Check in on a key result and it shows up.</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Feed">
        {items.map((item) => (
          <FeedItemCard key={item.id} item={item} />
        ))}
      </Stack>
      {feed.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            Show older
          </Button>
        </Group>
      )}
    </Stack>
  );
}

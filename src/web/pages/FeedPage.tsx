import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useFeed } from '../api/social.js';
import { useTeams } from '../api/queries.js';
import type { Me } from '../api/types.js';
import { FeedItemCard } from '../components/social/FeedItemCard.js';

/** What is happening across the organisation, or in one team: newest first, or ranked for the reader; live. */
export function FeedPage({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const teamId = params.get('team');
  const order = params.get('order') === 'for_me' ? 'for_me' : 'timeline';
  const teams = useTeams();
  const feed = useFeed(teamId, order);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
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
          <Text c="dimmed">Check-ins, targets reached, new and closed OKRs, meeting updates, and the conversation around them.</Text>
        </div>
        <Group align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="feed-order-label">
              Order
            </Text>
            <SegmentedControl
              aria-labelledby="feed-order-label"
              data={[
                { value: 'timeline', label: 'Newest first' },
                { value: 'for_me', label: 'For me' },
              ]}
              value={order}
              onChange={(value) => setParam('order', value === 'for_me' ? 'for_me' : null)}
            />
          </Stack>
          <NativeSelect
            label="Team"
            data={teamOptions}
            value={teamId ?? ''}
            onChange={(e) => setParam('team', e.currentTarget.value || null)}
            w={240}
          />
        </Group>
      </Group>
      {order === 'for_me' && (
        <Text size="sm" c="dimmed">
          The last two weeks, ranked for you: mentions of you, your objectives and key results, what you depend on or contribute to, your
          teams&apos; — at-risk items first.
        </Text>
      )}
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

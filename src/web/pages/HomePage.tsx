import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { defaultCycle, useCycle, useCycles } from '../api/okr-queries.js';
import type { KeyResult, Objective } from '../api/okr-types.js';
import type { Me } from '../api/types.js';
import { KeyResultCard } from '../components/KeyResultCard.js';
import { percent } from '../components/ProgressBar.js';
import { SummaryCardsSkeleton } from '../components/SummaryCardsSkeleton.js';
import { MyActions } from '../components/learning/MyActions.js';
import { ChampionContact } from '../components/rollout/ChampionContact.js';
import { FirstWeekIntro } from '../components/FirstWeekIntro.js';
import { OnboardingPrompt } from '../components/onboarding/OnboardingPrompt.js';
import { MyInitiatives } from '../components/initiatives/MyInitiatives.js';

/** Due first: stale, then never checked in, then the longest since the last check-in. */
const dueOrder = (a: KeyResult, b: KeyResult) =>
  Number(b.stale) - Number(a.stale) || (a.lastCheckInDate ?? '').localeCompare(b.lastCheckInDate ?? '');

/** A contributor owns none of the objective's key results yet may check in on all of them: they are in their week. */
const contributesTo = (o: Objective, userId: string) =>
  o.ownerId !== userId && !o.keyResults.some((k) => k.ownerId === userId) && o.keyResults.some((k) => k.can.checkIn);

/** "My week": my key results, the ones due for a check-in first, and the cycle at a glance. */
export function HomePage({ me }: { me: Me }) {
  const cycles = useCycles();
  const cycle = defaultCycle(cycles.data ?? []);
  const summary = useCycle(cycle?.id ?? null);
  const mine = useQuery({
    queryKey: ['my-objectives', cycle?.id, me.user.id],
    queryFn: () => api<Objective[]>(`/api/v1/objectives?cycleId=${cycle!.id}&involves=${me.user.id}`),
    enabled: Boolean(cycle),
  });
  const myKeyResults = (mine.data ?? [])
    .flatMap((o) => o.keyResults.filter((k) => k.ownerId === me.user.id || contributesTo(o, me.user.id)).map((k) => ({ k, o })))
    .sort((x, y) => dueOrder(x.k, y.k));
  const s = summary.data?.summary;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Welcome, {me.user.name.split(' ')[0]}
        </Title>
        <Text c="dimmed">
          {me.organization.name}
          {cycle ? ` · ${cycle.name}` : ''}
        </Text>
      </div>
      {/* One first-week block: before the first check-in the intro card carries the guided path. */}
      {me.hasCheckedIn === false ? (
        <FirstWeekIntro hasKeyResults={myKeyResults.length > 0} userId={me.user.id} onboarding={me.onboarding} />
      ) : (
        <OnboardingPrompt userId={me.user.id} onboarding={me.onboarding} />
      )}
      {!s && (cycles.isPending || (cycle && summary.isPending)) && <SummaryCardsSkeleton />}
      {s && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Card withBorder padding="sm">
            <Text size="xs" c="dimmed">
              Organisation progress
            </Text>
            <Text fw={700} fz="xl">
              {percent(s.averageProgress)}
            </Text>
            <Text size="xs" c="dimmed">
              {percent(s.expectedProgress)} expected by now
            </Text>
          </Card>
          <Card withBorder padding="sm">
            <Text size="xs" c="dimmed">
              On track
            </Text>
            <Text fw={700} fz="xl" c="teal.9">
              {s.byStatus.on_track}
            </Text>
          </Card>
          <Card withBorder padding="sm">
            <Text size="xs" c="dimmed">
              At risk / off track
            </Text>
            <Text fw={700} fz="xl" c="red.9">
              {s.byStatus.at_risk + s.byStatus.off_track}
            </Text>
          </Card>
          <Card withBorder padding="sm">
            <Text size="xs" c="dimmed">
              Stale key results
            </Text>
            <Text fw={700} fz="xl">
              {s.staleKeyResults}
            </Text>
          </Card>
        </SimpleGrid>
      )}
      <Title order={2} size="h4">
        My key results
      </Title>
      {!cycle && (
        <Text c="dimmed">
          No cycle yet.{' '}
          {me.can.manageCycles ? (
            <Anchor component={Link} to="/okrs" underline="always">
              Create the first cycle
            </Anchor>
          ) : (
            'An admin starts the first cycle.'
          )}
        </Text>
      )}
      {cycle && myKeyResults.length === 0 && !mine.isPending && (
        <Text c="dimmed">
          You own no key results in {cycle.name}.{' '}
          <Anchor component={Link} to={`/okrs?cycle=${cycle.id}`} underline="always">
            See the organisation's OKRs
          </Anchor>
          .
        </Text>
      )}
      <Stack gap="sm" data-testid="my-key-results">
        {myKeyResults.map(({ k, o }) => (
          <Stack key={k.id} gap={4}>
            <Anchor component={Link} to={`/objectives/${o.id}`} size="xs" c="dimmed">
              {o.title}
            </Anchor>
            <KeyResultCard kr={k} me={me} closed={cycle?.status === 'closed'} />
          </Stack>
        ))}
      </Stack>
      <MyInitiatives />
      <MyActions />
      <ChampionContact />
      {me.can.manageOrganization && (
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            Running Cairn
          </Title>
          <List spacing={4} size="sm">
            <List.Item>
              <Anchor component={Link} to="/teams">
                Shape departments and teams
              </Anchor>
              : OKRs align through this tree.
            </List.Item>
            <List.Item>
              <Anchor component={Link} to="/people">
                Invite colleagues
              </Anchor>{' '}
              and name each team's leads.
            </List.Item>
            <List.Item>
              <Anchor component={Link} to="/settings/tokens">
                Create an API token
              </Anchor>{' '}
              to connect your tools (<Anchor href="/api/docs">API docs</Anchor>).
            </List.Item>
          </List>
        </Card>
      )}
      <Group />
    </Stack>
  );
}

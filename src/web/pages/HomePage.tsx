import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useMemo } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { defaultCycle, useCycle, useCycles } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import type { Me } from '../api/types.js';
import { SummaryCardsSkeleton } from '../components/SummaryCardsSkeleton.js';
import { MyActions } from '../components/learning/MyActions.js';
import { ChampionContact } from '../components/rollout/ChampionContact.js';
import { FirstWeekIntro } from '../components/FirstWeekIntro.js';
import { OnboardingPrompt } from '../components/onboarding/OnboardingPrompt.js';
import { MyInitiatives } from '../components/initiatives/MyInitiatives.js';
import { CycleAtAGlance } from '../components/home/CycleAtAGlance.js';
import { keyResultsOf, MyKeyResults } from '../components/home/MyKeyResults.js';
import { RunningCairn } from '../components/home/RunningCairn.js';

// Panels with answers of their own: memoised, so Home's answers do not redraw them.
const Intro = memo(FirstWeekIntro);
const Onboarding = memo(OnboardingPrompt);
const Initiatives = memo(MyInitiatives);
const Actions = memo(MyActions);
const Champion = memo(ChampionContact);

/** "My week": my key results, the ones due for a check-in first, and the cycle at a glance. */
export function HomePage({ me }: { me: Me }) {
  const cycles = useCycles();
  const current = defaultCycle(cycles.data ?? []);
  const summary = useCycle(current?.id ?? null);
  const mine = useQuery({
    queryKey: ['my-objectives', current?.id, me.user.id],
    queryFn: () => api<Objective[]>(`/api/v1/objectives?cycleId=${current!.id}&involves=${me.user.id}`),
    enabled: Boolean(current),
  });
  // Each answer re-renders this component at once, in one task (a store update is never a transition); the
  // sections take the answers deferred and are memoised, so they redraw in a transition React splits into short
  // tasks. The requests follow the answers at once (`current`), not the deferred ones.
  const cycle = useDeferredValue(current);
  const cyclesPending = useDeferredValue(cycles.isPending);
  const s = useDeferredValue(summary.data?.summary);
  const summaryPending = useDeferredValue(summary.isPending);
  const myObjectives = useDeferredValue(mine.data);
  const minePending = useDeferredValue(mine.isPending);
  const myKeyResults = useMemo(() => keyResultsOf(myObjectives ?? [], me.user.id), [myObjectives, me.user.id]);
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
        <Intro hasKeyResults={myKeyResults.length > 0} userId={me.user.id} onboarding={me.onboarding} />
      ) : (
        <Onboarding userId={me.user.id} onboarding={me.onboarding} />
      )}
      {!s && (cyclesPending || (cycle && summaryPending)) && <SummaryCardsSkeleton />}
      {s && <CycleAtAGlance summary={s} />}
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
      {cycle && myKeyResults.length === 0 && !minePending && (
        <Text c="dimmed">
          You own no key results in {cycle.name}.{' '}
          <Anchor component={Link} to={`/okrs?cycle=${cycle.id}`} underline="always">
            See the organisation's OKRs
          </Anchor>
          .
        </Text>
      )}
      <MyKeyResults items={myKeyResults} me={me} closed={cycle?.status === 'closed'} />
      <Initiatives />
      <Actions />
      <Champion />
      {me.can.manageOrganization && <RunningCairn />}
      <Group />
    </Stack>
  );
}

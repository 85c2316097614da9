import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Me } from '../api/types.js';
import { FirstWeekPath } from './onboarding/FirstWeekPath.js';

/**
 * A person's first screen until their first check-in: what OKRs are, with one example, what is
 * asked of them each week, where to start, and (until finished or dismissed) the guided path, so
 * Home shows one first-week block rather than this card and a separate onboarding prompt.
 */
export function FirstWeekIntro(props: { hasKeyResults: boolean; userId: string; onboarding: Me['onboarding'] }) {
  const { hasKeyResults } = props;
  return (
    <Card withBorder padding="lg" aria-labelledby="first-week-title" component="section">
      <Stack gap="xs">
        <Title order={2} size="h4" id="first-week-title">
          New to OKRs? Start here
        </Title>
        <Text size="sm">
          An <strong>objective</strong> says where we want to be; its <strong>key results</strong> are the numbers that show we got there.
        </Text>
        <Text size="sm" c="dimmed">
          Example: “Customers get value in their first week”, measured by “Activation from 40% to 60%” and “Median time to first report from
          9 to 3 days”.
        </Text>
        <Text size="sm" fw={600}>
          What is asked of you each week (two minutes):
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>Check in on each key result you own: the current value, how confident you are, and a short note.</List.Item>
          <List.Item>Name a blocker when something stops you: your lead and the objective’s owner are told at once.</List.Item>
        </List>
        <Text size="sm">
          {hasKeyResults ? (
            'Start with the key results below: press “Check in” on the first one.'
          ) : (
            <>
              You own no key results yet: see your team’s objectives in{' '}
              <Anchor component={Link} to="/okrs" underline="always">
                OKRs
              </Anchor>{' '}
              and ask your lead which one is yours, or create one with “New objective”.
            </>
          )}
        </Text>
        <FirstWeekPath userId={props.userId} onboarding={props.onboarding} />
      </Stack>
    </Card>
  );
}

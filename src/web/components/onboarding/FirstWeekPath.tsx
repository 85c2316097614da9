import { Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Me } from '../../api/types.js';
import { useOnboardingPrompt } from './use-onboarding-prompt.js';

/**
 * The guided path as the last part of the first-week card: the card says what is asked this week, the path goes
 * further (examples from the organisation's principles; for a lead, the weekly check-in), so it names only that.
 */
export function FirstWeekPath({ userId, onboarding }: { userId: string; onboarding: Me['onboarding'] }) {
  const prompt = useOnboardingPrompt(userId, onboarding);
  if (!prompt) return null;
  return (
    <Stack gap={6} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {prompt.lead ? 'You lead a team: take the lead path' : 'Take the short guided path'}
        </Text>
        <CloseButton size="sm" aria-label="Dismiss the onboarding prompt" onClick={prompt.dismiss} />
      </Group>
      <Text size="sm">
        {prompt.lead
          ? 'Weak and strong objectives from our guiding principles, and how to lead the weekly check-in.'
          : 'Weak and strong objectives from our guiding principles, then your first check-in, a step at a time.'}{' '}
        <Text span size="sm" c="dimmed">
          {prompt.progress}
        </Text>
      </Text>
      <Group>
        <Button component={Link} to="/welcome" size="xs">
          {prompt.action}
        </Button>
      </Group>
    </Stack>
  );
}

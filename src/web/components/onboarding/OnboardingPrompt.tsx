import { Alert, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Me } from '../../api/types.js';
import { useOnboardingPrompt } from './use-onboarding-prompt.js';

/**
 * Home's invitation to the guided path for people who have checked in but not finished it (before the first check-in
 * the first-week card carries it); they can dismiss it. Drawn from /me, which Home already holds, so it is there on
 * the first paint and pushes nothing down later.
 */
export function OnboardingPrompt({ userId, onboarding }: { userId: string; onboarding: Me['onboarding'] }) {
  const prompt = useOnboardingPrompt(userId, onboarding);
  if (!prompt) return null;
  return (
    <Alert
      color="blue"
      title={prompt.lead ? 'You lead a team: take the lead path' : 'New here? Take the short guided path'}
      withCloseButton
      closeButtonLabel="Dismiss the onboarding prompt"
      onClose={prompt.dismiss}
    >
      <Group gap="sm" wrap="wrap">
        <Text size="sm">{prompt.progress}</Text>
        <Button component={Link} to="/welcome" size="xs">
          {prompt.action}
        </Button>
      </Group>
    </Alert>
  );
}

import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../api/types.js';

// Dismissal is a preference of this browser, not progress: the path stays open on /welcome.
const storageKey = (userId: string) => `cairn.onboarding-prompt-dismissed.${userId}`;

function readDismissed(userId: string): boolean {
  try {
    return window.localStorage.getItem(storageKey(userId)) === '1';
  } catch {
    return false;
  }
}

/**
 * Home's invitation to the guided path, for people who have not finished it; they can dismiss it. Drawn from /me,
 * which Home already holds, so it is there on the first paint and pushes nothing down later.
 */
export function OnboardingPrompt({ userId, onboarding }: { userId: string; onboarding: Me['onboarding'] }) {
  const [dismissed, setDismissed] = useState(() => readDismissed(userId));
  const data = onboarding;
  if (!data || data.finished || dismissed) return null;
  const dismiss = () => {
    try {
      window.localStorage.setItem(storageKey(userId), '1');
    } catch {
      // Private browsing: the prompt is hidden for this visit only.
    }
    setDismissed(true);
  };
  return (
    <Alert
      color="blue"
      title={data.path === 'lead' ? 'You lead a team: take the lead path' : 'New here? Take the short guided path'}
      withCloseButton
      closeButtonLabel="Dismiss the onboarding prompt"
      onClose={dismiss}
    >
      <Group gap="sm" wrap="wrap">
        <Text size="sm">
          {data.done} of {data.total} steps done.
        </Text>
        <Button component={Link} to="/welcome" size="xs">
          {data.done === 0 ? 'Start the onboarding path' : 'Continue the onboarding path'}
        </Button>
      </Group>
    </Alert>
  );
}

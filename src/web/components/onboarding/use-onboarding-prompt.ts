import { useState } from 'react';
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
 * Whether Home invites the person to the guided path (not finished, not dismissed in this browser), and the words of
 * the invitation: shared by the standalone prompt and the first-week card, which shows it instead of a second block.
 */
export function useOnboardingPrompt(userId: string, onboarding: Me['onboarding']) {
  const [dismissed, setDismissed] = useState(() => readDismissed(userId));
  const dismiss = () => {
    try {
      window.localStorage.setItem(storageKey(userId), '1');
    } catch {
      // Private browsing: the prompt is hidden for this visit only.
    }
    setDismissed(true);
  };
  if (!onboarding || onboarding.finished || dismissed) return null;
  return {
    lead: onboarding.path === 'lead',
    progress: `${onboarding.done} of ${onboarding.total} steps done.`,
    action: onboarding.done === 0 ? 'Start the onboarding path' : 'Continue the onboarding path',
    dismiss,
  };
}

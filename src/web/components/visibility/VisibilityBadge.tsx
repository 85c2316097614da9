import { Badge } from '@mantine/core';
import { IconLock, IconUsers } from '@tabler/icons-react';
import type { Visibility } from '../../../domain/vocabulary.js';
import { Hint } from '../hint/Hint.js';

const SHOWN: Record<Exclude<Visibility, 'organization'>, { text: string; label: string; color: string }> = {
  private: { text: 'Private', label: 'Private: only its owner, the people named on it and admins can see it', color: 'grape' },
  team: { text: 'Team only', label: 'Team only: its teams, their department leads and admins can see it', color: 'indigo' },
};

/** "Private" or "Team only" beside an objective's title; nothing for one the whole organisation sees. */
export function VisibilityBadge({ visibility, size = 'sm' }: { visibility: Visibility; size?: 'xs' | 'sm' }) {
  if (visibility === 'organization') return null;
  const shown = SHOWN[visibility];
  const Icon = visibility === 'private' ? IconLock : IconUsers;
  return (
    <Hint label={shown.label}>
      <Badge
        size={size}
        variant="light"
        color={shown.color}
        leftSection={<Icon size={12} aria-hidden />}
        aria-label={shown.label}
        role="img"
        data-visibility={visibility}
      >
        {shown.text}
      </Badge>
    </Hint>
  );
}

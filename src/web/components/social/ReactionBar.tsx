import { Button, Group, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staleOn, toggleReaction } from '../../api/social.js';
import { EMOJI_NAMES, EMOJIS, type Reaction, type ReactionTargetType } from '../../api/social-types.js';

/**
 * The five reactions as toggle buttons with their counts: pressed when you reacted. Everything
 * showing reactions is refreshed after a change (other people's pages hear of it live).
 */
export function ReactionBar({
  type,
  id,
  reactions,
  label,
}: {
  type: ReactionTargetType;
  id: string;
  reactions: Reaction[];
  label: string;
}) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const toggle = async (emoji: string, on: boolean) => {
    setBusy(emoji);
    try {
      await toggleReaction(type, id, emoji, on);
      await Promise.all(staleOn.social.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap={4} role="group" aria-label={`Reactions to ${label}`}>
      {EMOJIS.map((emoji) => {
        const reaction = reactions.find((r) => r.emoji === emoji);
        const count = reaction?.count ?? 0;
        const mine = reaction?.mine ?? false;
        const button = (
          <Button
            key={emoji}
            size="compact-xs"
            variant={mine ? 'light' : 'subtle'}
            color={mine ? 'teal' : 'gray'}
            aria-pressed={mine}
            aria-label={`${EMOJI_NAMES[emoji]} ${emoji}${count ? `, ${count}` : ''}`}
            loading={busy === emoji}
            onClick={() => void toggle(emoji, !mine)}
          >
            <span aria-hidden>{emoji}</span>
            {count > 0 && (
              <span style={{ marginLeft: 4 }} aria-hidden>
                {count}
              </span>
            )}
          </Button>
        );
        return count > 0 ? (
          <Tooltip key={emoji} label={reaction!.names.join(', ')} withArrow>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </Group>
  );
}

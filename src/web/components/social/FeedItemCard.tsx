import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FeedItem } from '../../api/social-types.js';
import { percent } from '../ProgressBar.js';
import { when } from './when.js';
import { ReactionBar } from './ReactionBar.js';

const STATUS: Record<string, string> = { draft: 'draft', active: 'active', closed: 'closed', archived: 'archived' };

function ObjectiveLink({ item }: { item: FeedItem }) {
  if (!item.objective) return null;
  return (
    <Anchor component={Link} to={`/objectives/${item.objective.id}`} fw={600}>
      {item.objective.title}
    </Anchor>
  );
}

/** What happened, in a sentence. */
function describe(item: FeedItem): ReactNode {
  const who = <strong>{item.actor?.name ?? 'Someone'}</strong>;
  const kr = item.keyResult ? <strong>{item.keyResult.title}</strong> : null;
  const c = item.checkIn;
  switch (item.kind) {
    case 'check_in':
      return (
        <>
          {who} checked in on {kr}
          {c?.value !== null && c?.value !== undefined ? `: ${c.value}` : ''}
          {c?.progressAfter !== null && c?.progressAfter !== undefined
            ? ` (${percent(c.progressBefore ?? 0)} → ${percent(c.progressAfter)})`
            : ''}
        </>
      );
    case 'celebration':
      return (
        <>
          <span aria-hidden>🎉 </span>
          {kr} reached its target! Checked in by {who}.
        </>
      );
    case 'objective_achieved':
      return (
        <>
          <span aria-hidden>🎉 </span>
          <ObjectiveLink item={item} /> was achieved in {item.cycle?.name ?? 'its cycle'}!
        </>
      );
    case 'comment':
      return (
        <>
          {who} commented on <ObjectiveLink item={item} />
          {item.comment?.on === 'key_result' && kr ? <> ({kr})</> : null}: “{item.comment?.excerpt}”
        </>
      );
    case 'objective_created':
      return (
        <>
          {who} created <ObjectiveLink item={item} />
        </>
      );
    case 'status_changed':
      return (
        <>
          {who} moved <ObjectiveLink item={item} /> from {STATUS[item.status?.from ?? ''] ?? 'new'} to{' '}
          {STATUS[item.status?.to ?? ''] ?? item.status?.to}
        </>
      );
    case 'objective_closed':
      return (
        <>
          {who} closed <ObjectiveLink item={item} />
        </>
      );
    case 'cycle_closed':
      return (
        <>
          {item.cycle?.name} was closed and scored by {who}
        </>
      );
    case 'meeting_update':
      return (
        <>
          {who} posted their part for{' '}
          <Anchor component={Link} to={`/meetings/${item.meeting?.id ?? ''}`} fw={600}>
            {item.meeting?.title}
          </Anchor>
          {item.meeting?.confidence !== null && item.meeting?.confidence !== undefined ? ` (confidence ${item.meeting.confidence}/10)` : ''}
        </>
      );
  }
}

const REASONS: Record<FeedItem['reasons'][number], string> = {
  mention: 'mentions you',
  mine: 'yours',
  depending: 'you depend on it',
  contributing: 'you contribute',
  team: 'your team',
  at_risk: 'at risk',
};

/** One feed entry; celebrations stand out, check-ins and comments take reactions. */
export function FeedItemCard({ item }: { item: FeedItem }) {
  const celebration = item.kind === 'celebration' || item.kind === 'objective_achieved';
  const objectiveContext = item.objective && (item.kind === 'check_in' || celebration);
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-testid={`feed-${item.kind}`}
      bg={celebration ? 'var(--mantine-color-teal-light)' : undefined}
      style={celebration ? { borderColor: 'var(--mantine-color-teal-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap={4}>
        <Text size={celebration ? 'md' : 'sm'} fw={celebration ? 600 : undefined}>
          {describe(item)}
        </Text>
        {item.checkIn?.note && (
          <Text size="sm" c="dimmed">
            “{item.checkIn.note}”
          </Text>
        )}
        {item.meeting && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            “{item.meeting.update}”{item.meeting.commitments ? ` Next: ${item.meeting.commitments}` : ''}
          </Text>
        )}
        {item.meeting?.blockers && (
          <Text size="sm" c="red.8" data-testid="feed-blocker">
            Blocked: {item.meeting.blockers}
          </Text>
        )}
        {item.checkIn?.blockers && (
          <Text size="sm" c="red.8" data-testid="feed-blocker">
            Blocked: {item.checkIn.blockers}
          </Text>
        )}
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {when(item.createdAt)}
          </Text>
          {objectiveContext && (
            <Text size="xs" c="dimmed">
              · <ObjectiveLink item={item} />
            </Text>
          )}
          {item.objective?.teamName && (
            <Text size="xs" c="dimmed">
              · {item.objective.teamName}
            </Text>
          )}
          {item.reasons.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="feed-reasons">
              · {item.reasons.map((r) => REASONS[r]).join(', ')}
            </Text>
          )}
        </Group>
        {item.reactionTarget && (
          <ReactionBar
            type={item.reactionTarget.type}
            id={item.reactionTarget.id}
            reactions={item.reactions}
            label={celebration ? 'this celebration' : item.kind === 'comment' ? 'this comment' : 'this check-in'}
          />
        )}
      </Stack>
    </Card>
  );
}

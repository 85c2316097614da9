import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReviewBoard, ReviewKeyResult } from '../../api/review.js';
import { ScoreOverrideButton } from '../okr/ScoreOverrideButton.js';

function ScoreBadge({ kr }: { kr: ReviewKeyResult }) {
  if (kr.scoreOverride !== null)
    return (
      <Badge color="grape" title={kr.scoreOverrideReason ?? ''}>
        Override {kr.scoreOverride.toFixed(2)}
      </Badge>
    );
  if (kr.confirmedScore !== null) return <Badge color="teal">Confirmed {kr.confirmedScore.toFixed(2)}</Badge>;
  return <Badge color="gray">Not confirmed</Badge>;
}

/**
 * The key results to score, one row each that wraps on a narrow screen (a table scrolled sideways at 375 px):
 * the proposed score, the state of the score, and the owner's actions (confirm, or override with a reason).
 */
export function ReviewKeyResultList({ board, onConfirm }: { board: ReviewBoard; onConfirm: (id: string) => void }) {
  if (board.keyResults.length === 0) return <Text size="sm">Nothing to score here.</Text>;
  const reviewing = board.status === 'review';
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Key results to score">
      {board.keyResults.map((kr) => (
        <li key={kr.id} data-testid="review-key-result">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, flex: '1 1 14rem', overflowWrap: 'anywhere' }}>
              <Text size="sm">{kr.title}</Text>
              <Text size="xs" c="dimmed">
                {kr.objectiveTitle} · proposed {kr.proposedScore.toFixed(2)}
              </Text>
            </div>
            <Group gap="xs" wrap="wrap">
              <ScoreBadge kr={kr} />
              {kr.can.confirm && reviewing && kr.confirmedScore === null && kr.scoreOverride === null && (
                <Button size="xs" onClick={() => onConfirm(kr.id)} aria-label={`Confirm the score of ${kr.title}`}>
                  Confirm
                </Button>
              )}
              {kr.can.overrideScore && board.status !== 'planning' && (
                <ScoreOverrideButton kr={{ ...kr, score: kr.proposedScore, achievement: kr.proposedScore }} />
              )}
            </Group>
          </Group>
        </li>
      ))}
    </Stack>
  );
}

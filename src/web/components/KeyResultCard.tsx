import { Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { KeyResult } from '../api/okr-types.js';
import type { Me } from '../api/types.js';
import { ProgressBar } from './ProgressBar.js';
import { StatusBadges } from './StatusBadge.js';
import { Sparkline } from './ProgressChart.js';
import { memo, Suspense } from 'react';
import { lazyNamed } from '../routing/lazy-named.js';

// Forms, history and comments open on a click: their code (and the inputs they pull in) loads then,
// not with every page that lists key results.
const DataReadinessForm = lazyNamed(() => import('./DataReadinessForm.js'), 'DataReadinessForm');
const KeyResultForm = lazyNamed(() => import('./KeyResultForm.js'), 'KeyResultForm');
const CheckInDialog = lazyNamed(() => import('./CheckInDialog.js'), 'CheckInDialog');
const CheckInHistory = lazyNamed(() => import('./CheckInHistory.js'), 'CheckInHistory');
const CommentsPanel = lazyNamed(() => import('./CommentsPanel.js'), 'CommentsPanel');
const KeyResultWork = lazyNamed(() => import('./initiatives/KeyResultWork.js'), 'KeyResultWork');
import { ScoreOverrideButton } from './okr/ScoreOverrideButton.js';
import { ModalOnDemand as Modal } from './on-demand/ModalOnDemand.js';
import { OnceOpened } from './on-demand/OnceOpened.js';
import { KeyResultDeleteButton } from './okr/KeyResultDeleteButton.js';
import { formatMeasure } from '../../domain/format-measure.js';

function measureText(kr: KeyResult): string {
  const show = (value: number | null) => formatMeasure(value, kr.unit);
  switch (kr.kind) {
    case 'metric':
      return `${show(kr.currentValue ?? kr.startValue)} now · from ${show(kr.startValue)} to ${show(kr.targetValue)}`;
    case 'threshold': {
      const bounds = [kr.targetMin !== null ? `≥ ${show(kr.targetMin)}` : '', kr.targetMax !== null ? `≤ ${show(kr.targetMax)}` : ''];
      return `${show(kr.currentValue)} now · keep ${bounds.filter(Boolean).join(' and ')}`;
    }
    case 'milestone':
      return `${(kr.milestones ?? []).filter((m) => m.done).length} of ${kr.milestones?.length ?? 0} milestones done`;
    case 'rollup':
      return 'Rolls up the objectives aligned to it';
  }
}

const FIELD_NAMES: Record<KeyResult['targetChanges'][number]['field'], string> = {
  kind: 'kind',
  startValue: 'start',
  targetValue: 'target',
  targetMin: 'minimum',
  targetMax: 'maximum',
  milestones: 'milestones',
};
const show = (value: unknown) =>
  Array.isArray(value) ? value.map((m: { title?: string }) => m.title ?? '?').join(', ') : value === null ? 'none' : String(value);

/** One key result: where it stands and what can be done with it. Memoised: a page's other answers do not redraw it. */
export const KeyResultCard = memo(function KeyResultCard({
  kr,
  me,
  closed,
  reviewing = false,
  ownerName,
  trend,
  trendPending = false,
}: {
  kr: KeyResult;
  me: Me;
  closed: boolean;
  /** The cycle is at its end or closed: scores may be overridden. */
  reviewing?: boolean;
  ownerName?: string;
  trend?: number[];
  /** The trend is on its way: its place is kept, so the badges beside it do not move. */
  trendPending?: boolean;
}) {
  const [checkingIn, checkIn] = useDisclosure();
  const [historyOpen, history] = useDisclosure();
  const [readinessOpen, readiness] = useDisclosure();
  const [commentsOpen, comments] = useDisclosure();
  const [workOpen, work] = useDisclosure();
  const [editOpen, editor] = useDisclosure();
  return (
    <Card withBorder padding="md" data-testid="key-result" aria-label={`Key result: ${kr.title}`} component="section">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div style={{ flex: 1, minWidth: 200 }}>
            <Text fw={600}>{kr.title}</Text>
            <Text size="xs" c="dimmed">
              {measureText(kr)}
              {ownerName ? ` · ${ownerName}` : ''}
              {kr.weight !== 1 ? ` · weight ${kr.weight}` : ''}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            {trend ? <Sparkline values={trend} label={kr.title} /> : trendPending && <div style={{ width: 120, height: 28 }} aria-hidden />}
            <StatusBadges status={kr.status} confidence={kr.confidence} stale={kr.stale} />
          </Group>
        </Group>
        {kr.targetChanges.length > 0 && (
          <Text size="xs" c="orange.9" data-testid="target-changes">
            Moved after publishing:{' '}
            {kr.targetChanges
              .map((c) => `${FIELD_NAMES[c.field]} ${show(c.from)} → ${show(c.to)} (${c.by ?? 'someone'}, ${c.at.slice(0, 10)})`)
              .join('; ')}
          </Text>
        )}
        <ProgressBar progress={kr.progress} expected={closed ? null : kr.expectedProgress} status={kr.status} label={kr.title} />
        {kr.score !== null && (
          <Badge variant="light" color={kr.score >= 0.7 ? 'teal' : kr.score >= 0.4 ? 'yellow' : 'red'}>
            Score {kr.score.toFixed(2)}
          </Badge>
        )}
        {kr.scoreOverride !== null && (
          <Text size="xs" data-testid="score-override">
            Score set to {kr.scoreOverride.toFixed(2)} by its owner: {kr.scoreOverrideReason}
          </Text>
        )}
        <Group gap="xs">
          {!closed && kr.can.checkIn && (
            <Button size="xs" onClick={checkIn.open}>
              Check in
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={history.toggle} aria-expanded={historyOpen}>
            {historyOpen ? 'Hide history' : 'History'}
          </Button>
          {(kr.kind === 'metric' || kr.kind === 'threshold') && (
            <Button size="xs" variant="subtle" onClick={readiness.open}>
              Data readiness
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={comments.toggle} aria-expanded={commentsOpen}>
            {commentsOpen ? 'Hide comments' : 'Comments'}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            onClick={work.toggle}
            aria-expanded={workOpen}
            aria-label={`Work, KPI and files of ${kr.title}`}
          >
            Work, KPI and files
          </Button>
          {!closed && kr.can.edit && (
            <Button size="xs" variant="subtle" onClick={editor.open} aria-label={`Edit key result ${kr.title}`}>
              Edit
            </Button>
          )}
          {!closed && kr.can.delete && <KeyResultDeleteButton kr={kr} />}
          {reviewing && kr.can.overrideScore && <ScoreOverrideButton kr={kr} />}
          {kr.lastCheckInDate && (
            <Text size="xs" c="dimmed">
              Last check-in {kr.lastCheckInDate}
            </Text>
          )}
        </Group>
        <Collapse expanded={historyOpen}>
          {historyOpen && (
            <Suspense fallback={null}>
              <CheckInHistory kr={kr} />
            </Suspense>
          )}
        </Collapse>
        <Collapse expanded={workOpen}>
          {workOpen && (
            <Suspense fallback={null}>
              <KeyResultWork kr={kr} closed={closed} meId={me.user.id} />
            </Suspense>
          )}
        </Collapse>
        <Collapse expanded={commentsOpen}>
          {commentsOpen && (
            <Suspense fallback={null}>
              <CommentsPanel targetType="key_result" targetId={kr.id} />
            </Suspense>
          )}
        </Collapse>
      </Stack>
      {checkingIn && (
        <Suspense fallback={null}>
          <CheckInDialog kr={kr} opened onClose={checkIn.close} />
        </Suspense>
      )}
      <OnceOpened opened={editOpen}>
        <Modal opened={editOpen} onClose={editor.close} title="Edit key result" size="lg">
          {editOpen && (
            <Suspense fallback={null}>
              <KeyResultForm objectiveId={kr.objectiveId} ownerId={kr.ownerId ?? me.user.id} editing={kr} onDone={editor.close} />
            </Suspense>
          )}
        </Modal>
      </OnceOpened>
      <OnceOpened opened={readinessOpen}>
        <Modal opened={readinessOpen} onClose={readiness.close} title={`Data readiness: ${kr.title}`} size="lg">
          {readinessOpen && (
            <Suspense fallback={null}>
              <DataReadinessForm kr={kr} onDone={readiness.close} />
            </Suspense>
          )}
        </Modal>
      </OnceOpened>
    </Card>
  );
});

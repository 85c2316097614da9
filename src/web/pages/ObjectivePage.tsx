import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.js';
import { useCycles, useObjective } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import type { Me } from '../api/types.js';
import { KeyResultCard } from '../components/KeyResultCard.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { StatusBadges } from '../components/StatusBadge.js';
import { ObjectiveQualityPanel } from '../components/ObjectiveQualityPanel.js';
import { ReviewRequestsPanel } from '../components/review-requests/ReviewRequestsPanel.js';
import { ProgressChart, ProgressChartPlaceholder, type ChartPoint } from '../components/ProgressChart.js';
import { OnceVisible } from '../components/on-demand/OnceVisible.js';
import { AlignmentEditor } from '../components/AlignmentEditor.js';
import { TimeTravelPicker, useAsOf } from '../components/okr/TimeTravelPicker.js';
import { ForecastBadge } from '../components/okr/ForecastBadge.js';
import { ContinuedFrom } from '../components/okr/ContinuedFrom.js';
import { ObjectiveActions } from '../components/okr/ObjectiveActions.js';
import { inReview } from '../components/okr/review.js';
import { useDocumentTitle } from '../components/page-title.js';
import { useActiveMinutes } from '../components/adoption/use-active-minutes.js';
import { ObjectiveDependencies } from '../components/across/ObjectiveDependencies.js';
import { VisibilityBadge } from '../components/visibility/VisibilityBadge.js';
import { ModalOnDemand as Modal } from '../components/on-demand/ModalOnDemand.js';
import { OnceOpened } from '../components/on-demand/OnceOpened.js';
import { lazyNamed } from '../routing/lazy-named.js';

// The forms (number inputs, pickers, validation) load when a dialog opens: most visits only read.
const ObjectiveFormModal = lazyNamed(() => import('./ObjectiveFormModal.js'), 'ObjectiveFormModal');
const KeyResultForm = lazyNamed(() => import('../components/KeyResultForm.js'), 'KeyResultForm');
// Below the fold: their code (upload form, mention box, reactions) comes with them, when scrolled near.
const AttachmentsPanel = lazyNamed(() => import('../components/attachments/AttachmentsPanel.js'), 'AttachmentsPanel');
const CommentsPanel = lazyNamed(() => import('../components/CommentsPanel.js'), 'CommentsPanel');
const ActivityList = lazyNamed(() => import('../components/ActivityList.js'), 'ActivityList');

/** One objective: why it matters, where it aligns, its key results, and one click to check in. */
export function ObjectivePage({ me }: { me: Me }) {
  useActiveMinutes('check_in');
  const { id = '' } = useParams();
  const asOf = useAsOf();
  const objective = useObjective(id, asOf);
  const children = useQuery({
    queryKey: ['objectives', 'children', id],
    queryFn: () => api<Objective[]>(`/api/v1/objectives?parent=${id}`),
  });
  const cycles = useCycles();
  const [adding, addKr] = useDisclosure();
  const [editing, edit] = useDisclosure();
  const timeline = useQuery({
    queryKey: ['objectives', id, 'timeline'],
    queryFn: () => api<{ points: ChartPoint[]; keyResults: Record<string, number[]> }>(`/api/v1/objectives/${id}/timeline`),
  });
  const o = objective.data;
  useDocumentTitle(o ? o.title : objective.isError ? 'Objective not found' : 'Objective');
  if (!o) return <Text c="dimmed">{objective.isError ? 'This objective does not exist.' : 'Loading…'}</Text>;
  const cycle = cycles.data?.find((c) => c.id === o.cycleId);
  // Travelling in time is looking, never changing: the page shows what a closed cycle shows.
  const closed = cycle?.status === 'closed' || asOf !== null;
  const reviewing = !asOf && cycle !== undefined && inReview(cycle, new Date());
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/okrs?cycle=${o.cycleId}`} size="sm">
          ← {cycle?.name ?? 'OKRs'}
        </Anchor>
        <Group gap="sm" mt={4} align="center">
          <Title order={1} size="h2">
            {o.title}
          </Title>
          <Badge variant="outline" color={o.type === 'aspirational' ? 'grape' : 'gray'}>
            {o.type === 'aspirational' ? 'Aspirational' : 'Committed'}
          </Badge>
          <VisibilityBadge visibility={o.visibility} />
          {o.status === 'draft' && <Badge color="gray">Draft</Badge>}
          {o.status === 'archived' && <Badge color="gray">Archived</Badge>}
          {!closed && o.can.edit && (
            <Button size="compact-sm" variant="subtle" onClick={edit.open}>
              Edit
            </Button>
          )}
          {!closed && <ObjectiveActions objective={o} />}
        </Group>
        <Text size="sm" c="dimmed">
          {o.teamId && o.teamName ? (
            <Anchor component={Link} to={`/teams/${o.teamId}`} size="sm" underline="always">
              {o.teamName}
            </Anchor>
          ) : (
            'Company'
          )}
          {o.ownerName ? ` · owned by ${o.ownerName}` : ''}
        </Text>
        {o.previousObjectiveId && <ContinuedFrom previousObjectiveId={o.previousObjectiveId} />}
      </div>
      {/* Shown from the first paint (its lower bound follows), so nothing below moves when the cycle arrives. */}
      <TimeTravelPicker min={cycle?.startDate} />
      <Card withBorder>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>Progress</Text>
            <Group gap={6}>
              <StatusBadges
                status={o.progressStatus}
                confidence={o.confidence}
                stale={o.stale}
                closed={o.cycleClosed ? { score: o.score, verdict: o.verdict } : undefined}
              />
              {!closed &&
                o.status === 'active' &&
                (cycle && timeline.data ? (
                  <ForecastBadge points={timeline.data.points} cycle={cycle} />
                ) : (
                  // Its place, held while the history loads, so the badges do not wrap later.
                  <Badge variant="outline" style={{ visibility: 'hidden' }} aria-hidden>
                    Forecast 100%
                  </Badge>
                ))}
            </Group>
          </Group>
          <ProgressBar
            progress={o.progress}
            expected={o.cycleClosed ? null : o.expectedProgress}
            status={o.progressStatus}
            label={o.title}
          />
          {o.score !== null && (
            <Text size="sm">
              Final score <strong>{o.score.toFixed(2)}</strong>
            </Text>
          )}
          {timeline.data ? <ProgressChart points={timeline.data.points} label={`Progress of ${o.title}`} /> : <ProgressChartPlaceholder />}
        </Stack>
      </Card>
      {(o.description || o.whyImportant || o.whyUrgent) && (
        <Card withBorder>
          <Stack gap="xs">
            {o.description && <Text>{o.description}</Text>}
            {o.whyImportant && (
              <Text size="sm">
                <strong>Why it matters:</strong> {o.whyImportant}
              </Text>
            )}
            {o.whyUrgent && (
              <Text size="sm">
                <strong>Why now:</strong> {o.whyUrgent}
              </Text>
            )}
          </Stack>
        </Card>
      )}
      {(!closed || o.parents.length > 0 || (children.data ?? []).length > 0) && (
        <Card withBorder>
          <Stack gap={4}>
            {o.parents.length > 0 && (
              <Text size="sm" fw={600}>
                Aligns to
              </Text>
            )}
            {closed || !o.can.align ? (
              o.parents.map((p) => (
                <Anchor key={p.id} component={Link} to={`/objectives/${p.objectiveId}`} size="sm">
                  {p.parentKeyResultId ? `Key result: ${p.title}` : p.title}
                </Anchor>
              ))
            ) : (
              <AlignmentEditor objective={o} />
            )}
            {children.isPending && <Skeleton h={44} mt="xs" w="70%" aria-hidden />}
            {(children.data ?? []).length > 0 && (
              <Text size="sm" fw={600} mt="xs">
                Aligned to this objective
              </Text>
            )}
            {(children.data ?? []).map((c) => (
              <Anchor key={c.id} component={Link} to={`/objectives/${c.id}`} size="sm">
                {c.title} · {Math.round(c.progress * 100)}%
              </Anchor>
            ))}
          </Stack>
        </Card>
      )}
      <ObjectiveDependencies objective={o} cycle={cycle} asOf={asOf} closed={closed} />
      <ObjectiveQualityPanel objective={o} me={me} />
      {!asOf && <ReviewRequestsPanel objective={o} />}
      <Group justify="space-between">
        <Title order={2} size="h4">
          Key results
        </Title>
        {!closed && o.can.addKeyResult && (
          <Button size="xs" variant="light" onClick={addKr.open}>
            Add key result
          </Button>
        )}
      </Group>
      {o.keyResults.length === 0 && <Text c="dimmed">No key results yet: how will you know you got there?</Text>}
      {o.keyResults.map((kr) => (
        <KeyResultCard
          key={kr.id}
          kr={kr}
          me={me}
          closed={closed}
          reviewing={reviewing}
          ownerName={kr.ownerName ?? undefined}
          trend={timeline.data?.keyResults[kr.id]}
          trendPending={timeline.isPending}
        />
      ))}
      {/* Below the fold on a phone: asked for when scrolled near, not with the page. */}
      <OnceVisible minHeight={120}>
        <AttachmentsPanel parent={{ kind: 'objectives', id: o.id }} />
        <CommentsPanel targetType="objective" targetId={o.id} />
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            History
          </Title>
          <ActivityList objectiveId={o.id} />
        </Card>
      </OnceVisible>
      {editing && (
        <Suspense fallback={null}>
          <ObjectiveFormModal cycleId={o.cycleId} me={me} opened onClose={edit.close} editing={o} />
        </Suspense>
      )}
      <OnceOpened opened={adding}>
        <Modal opened={adding} onClose={addKr.close} title="Add a key result" size="lg">
          <KeyResultForm objectiveId={o.id} ownerId={me.user.id} onDone={addKr.close} />
        </Modal>
      </OnceOpened>
    </Stack>
  );
}

import { Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { memo, Suspense, useDeferredValue } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client.js';
import { useCycles, useObjective } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import type { Me } from '../api/types.js';
import { ObjectiveQualityPanel } from '../components/ObjectiveQualityPanel.js';
import { ReviewRequestsPanel } from '../components/review-requests/ReviewRequestsPanel.js';
import type { ChartPoint } from '../components/ProgressChart.js';
import { TimeTravelPicker, useAsOf } from '../components/okr/TimeTravelPicker.js';
import { inReview } from '../components/okr/review.js';
import { useDocumentTitle } from '../components/page-title.js';
import { useLeaveFirstScreenWhen } from '../components/first-screen.js';
import { useActiveMinutes } from '../components/adoption/use-active-minutes.js';
import { ObjectiveDependencies } from '../components/across/ObjectiveDependencies.js';
import { ObjectiveHeading } from '../components/objective/ObjectiveHeading.js';
import { ObjectiveProgressCard } from '../components/objective/ObjectiveProgressCard.js';
import { ObjectiveAbout } from '../components/objective/ObjectiveAbout.js';
import { ObjectiveAlignmentCard } from '../components/objective/ObjectiveAlignmentCard.js';
import { ObjectiveKeyResults } from '../components/objective/ObjectiveKeyResults.js';
import { ObjectiveFooterPanels } from '../components/objective/ObjectiveFooterPanels.js';
import { ModalOnDemand as Modal } from '../components/on-demand/ModalOnDemand.js';
import { OnceOpened } from '../components/on-demand/OnceOpened.js';
import { lazyNamed } from '../routing/lazy-named.js';

// The forms (number inputs, pickers, validation) load when a dialog opens: most visits only read.
const ObjectiveFormModal = lazyNamed(() => import('./ObjectiveFormModal.js'), 'ObjectiveFormModal');
const KeyResultForm = lazyNamed(() => import('../components/KeyResultForm.js'), 'KeyResultForm');

// Sections whose files are not this page's to change, memoised here like the page's own.
const Dependencies = memo(ObjectiveDependencies);
const QualityPanel = memo(ObjectiveQualityPanel);
const ReviewRequests = memo(ReviewRequestsPanel);
const TimeTravel = memo(TimeTravelPicker);

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
  // A query's answer re-renders this component at once, in one task (a store update is never a transition). The
  // sections take the answers deferred and are memoised: this render stays small, and they redraw in a transition,
  // which React splits into short tasks, so a phone's main thread is not blocked for the whole page at each answer.
  const o = useDeferredValue(objective.data);
  const cycleList = useDeferredValue(cycles.data);
  const history = useDeferredValue(timeline.data);
  const historyPending = useDeferredValue(timeline.isPending);
  const aligned = useDeferredValue(children.data);
  const alignedPending = useDeferredValue(children.isPending);
  useDocumentTitle(o ? o.title : objective.isError ? 'Objective not found' : 'Objective');
  // The heading index.html drew (first-screen.ts) gives way to this one in the commit that draws it.
  useLeaveFirstScreenWhen(o !== undefined || objective.isError);
  if (!o) return <Text c="dimmed">{objective.isError ? 'This objective does not exist.' : 'Loading…'}</Text>;
  const cycle = cycleList?.find((c) => c.id === o.cycleId);
  // Travelling in time is looking, never changing: the page shows what a closed cycle shows.
  const closed = cycle?.status === 'closed' || asOf !== null;
  const reviewing = !asOf && cycle !== undefined && inReview(cycle, new Date());
  return (
    <Stack gap="lg">
      <ObjectiveHeading o={o} cycleName={cycle?.name} closed={closed} onEdit={edit.open} />
      {/* Shown from the first paint (its lower bound follows), so nothing below moves when the cycle arrives. */}
      <TimeTravel min={cycle?.startDate} />
      <ObjectiveProgressCard o={o} cycle={cycle} closed={closed} points={history?.points} />
      <ObjectiveAbout o={o} />
      <ObjectiveAlignmentCard o={o} closed={closed} aligned={aligned} alignedPending={alignedPending} />
      <Dependencies objective={o} cycle={cycle} asOf={asOf} closed={closed} />
      <QualityPanel objective={o} me={me} />
      {!asOf && <ReviewRequests objective={o} />}
      <ObjectiveKeyResults
        keyResults={o.keyResults}
        me={me}
        closed={closed}
        reviewing={reviewing}
        mayAdd={o.can.addKeyResult}
        onAdd={addKr.open}
        trends={history?.keyResults}
        trendsPending={historyPending}
      />
      <ObjectiveFooterPanels objectiveId={o.id} />
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

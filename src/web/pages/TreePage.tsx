import { Card, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { memo, Suspense, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { defaultCycle, useCycle, useCycles, useTree, useTreeBranches, useTreeSearch } from '../api/okr-queries.js';
import type { Me } from '../api/types.js';
import { TreeSummaryCards } from '../components/tree/TreeSummaryCards.js';
import { TreeRowsSkeleton } from '../components/tree/TreeRowsSkeleton.js';
import { TreeHeader } from '../components/tree/TreeHeader.js';
import { TreeFilterBar } from '../components/tree/TreeFilterBar.js';
import { useWideScreen } from '../components/wide-screen.js';
import { VirtualTree } from '../components/VirtualTree.js';
import { TimeTravelPicker, useAsOf } from '../components/okr/TimeTravelPicker.js';
import { attachBranches, isFiltering, keysToDepth, visibleRows, type TreeFilters } from './tree-filter.js';
import { useActiveMinutes } from '../components/adoption/use-active-minutes.js';
import { CycleSummaryCards } from '../components/okr/CycleSummaryCards.js';
import { ModalOnDemand as Modal } from '../components/on-demand/ModalOnDemand.js';
import { OnceOpened } from '../components/on-demand/OnceOpened.js';
import { lazyNamed } from '../routing/lazy-named.js';

// The forms (number inputs, pickers, validation) load when a dialog opens: the tree is mostly read.
const CreateCycleForm = lazyNamed(() => import('./CreateCycleForm.js'), 'CreateCycleForm');
const ObjectiveFormModal = lazyNamed(() => import('./ObjectiveFormModal.js'), 'ObjectiveFormModal');
const CycleSettingsModal = lazyNamed(() => import('./CycleSettingsModal.js'), 'CycleSettingsModal');

const NO_FILTERS: TreeFilters = { teamId: null, ownerId: null, status: null, type: null, search: '' };
// Sections whose files serve other pages too, memoised here like the page's own.
const TimeTravel = memo(TimeTravelPicker);
const LiveSummary = memo(TreeSummaryCards);
const ClosedSummary = memo(CycleSummaryCards);

/** The organisation's OKRs for one cycle as a tree: company → departments → teams → individuals. */
export function TreePage({ me }: { me: Me }) {
  useActiveMinutes('planning');
  const cycles = useCycles();
  const [params, setParams] = useSearchParams();
  const cycleId = params.get('cycle') ?? defaultCycle(cycles.data ?? [])?.id ?? null;
  const cycle = useCycle(cycleId);
  const asOf = useAsOf();
  const [filters, setFilters] = useState<TreeFilters>(NO_FILTERS);
  const filtering = isFiltering(filters);
  // The page opens on the top levels; an opened branch is fetched then. Searching and filtering
  // ask the server, which answers the matches at any depth with the paths to them.
  const top = useTree(cycleId, asOf);
  const [q] = useDebouncedValue(filters.search.trim(), 250);
  const search = { q, teamId: filters.teamId, ownerId: filters.ownerId, type: filters.type, progressStatus: filters.status };
  // Not before the debounced text has caught up: an empty search would ask for the plain tree.
  const found = useTreeSearch(cycleId, search, filtering && Object.values(search).some(Boolean), asOf);
  const [opened, setOpened] = useState<string[]>([]);
  const branches = useTreeBranches(cycleId, opened, asOf);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure();
  const [settingsOpen, { open: openSettings, close: closeSettings }] = useDisclosure();
  const [newCycleOpen, { open: openNewCycle, close: closeNewCycle }] = useDisclosure();
  const wide = useWideScreen();
  // On a phone the filters and the time-travel field fold away. The field stays in one place while they are open (a
  // date being typed must not move); a day travelled to shows above the figures once they are folded.
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(asOf !== null);
  const timeTravelInFilters = !wide && filtersOpen;
  const topRoots = top.data?.roots;
  const roots = useMemo(
    () => (filtering ? found.data?.roots : topRoots && attachBranches(topRoots, branches)),
    [filtering, found.data, topRoots, branches],
  );
  // Open the top two levels when a cycle is first shown, not again when live updates refresh it. Set while rendering
  // (React renders again at once, before committing): from an effect, the roots were drawn alone first, and the second
  // level (a phone's largest paint) waited for one more commit.
  const [openedCycle, setOpenedCycle] = useState<string | null>(null);
  if (topRoots && openedCycle !== cycleId) {
    setOpenedCycle(cycleId);
    setExpanded(keysToDepth(topRoots, 2));
    setOpened([]);
  }
  const rows = useMemo(() => visibleRows(roots ?? [], expanded, filters), [roots, expanded, filters]);
  // Read through a ref: a stable toggle keeps the memoised rows from re-rendering on every change.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const toggle = useCallback((key: string) => {
    const node = rowsRef.current.find((r) => r.key === key)?.node;
    if (node && node.children.length === 0 && node.childCount > 0) setOpened((ids) => (ids.includes(node.id) ? ids : [...ids, node.id]));
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const setFilter = useCallback((patch: Partial<TreeFilters>) => setFilters((f) => ({ ...f, ...patch })), []);
  const pickCycle = useCallback((id: string) => setParams({ cycle: id }), [setParams]);
  // Each answer re-renders this component at once, in one task (a store update is never a transition). The
  // sections take what they draw deferred and are memoised: this render stays small, and the rows, cards and
  // header redraw in a transition, which React splits into short tasks. The requests follow the answers at once.
  const pending = filtering ? found.isPending : top.isPending;
  const view = useMemo(() => ({ rows, expanded, sharedWith: filters.teamId, pending }), [rows, expanded, filters.teamId, pending]);
  const shown = useDeferredValue(view);
  const cycleList = useDeferredValue(cycles.data);
  const cycleData = useDeferredValue(cycle.data);
  // One element for either place, kept while the cycle's start is the same: the memoised filter bar is not redrawn.
  const timeTravel = useMemo(() => <TimeTravel min={cycleData?.startDate} />, [cycleData?.startDate]);
  const cyclePending = useDeferredValue(cycle.isPending);
  const summary = cycleData?.summary;
  const isAdmin = me.can.manageCycles;

  if (cycles.data && cycles.data.length === 0) {
    return (
      <Stack>
        <Title order={1} size="h2">
          OKRs
        </Title>
        <Text>No cycles yet. {isAdmin ? 'Create the first one: a quarter is the usual rhythm.' : 'An admin creates the first cycle.'}</Text>
        {isAdmin && (
          <Card withBorder maw={720}>
            <Suspense fallback={<Text c="dimmed">Loading…</Text>}>
              <CreateCycleForm onCreated={(c) => setParams({ cycle: c.id })} />
            </Suspense>
          </Card>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <TreeHeader
        cycles={cycleList}
        cycleId={cycleId}
        cycle={cycleData}
        cyclePending={cyclePending}
        isAdmin={isAdmin}
        onPickCycle={pickCycle}
        onSettings={openSettings}
        onNewCycle={openNewCycle}
        onCreate={openCreate}
      />
      {/* Shown from the first paint (its lower bound follows), so nothing below moves when the cycle arrives. */}
      {(wide || (asOf !== null && !timeTravelInFilters)) && timeTravel}
      {/* A closed cycle shows its scores and verdicts; a live one its pace, skeletoned until it arrives. */}
      {summary?.scores ? <ClosedSummary summary={summary} /> : <LiveSummary summary={summary} />}
      <TreeFilterBar filters={filters} onChange={setFilter} compact={!wide} opened={filtersOpen} onToggle={toggleFilters}>
        {timeTravelInFilters && timeTravel}
      </TreeFilterBar>
      {shown.pending ? (
        <TreeRowsSkeleton label={filtering ? 'Searching…' : 'Loading…'} />
      ) : shown.rows.length === 0 ? (
        <Text c="dimmed">No objectives {filters === NO_FILTERS ? 'in this cycle yet' : 'match these filters'}.</Text>
      ) : null}
      <VirtualTree rows={shown.rows} expanded={shown.expanded} onToggle={toggle} sharedWith={shown.sharedWith} />
      <Suspense fallback={null}>
        {cycleId && creating && <ObjectiveFormModal cycleId={cycleId} me={me} opened onClose={closeCreate} />}
        {settingsOpen && cycleData && <CycleSettingsModal cycle={cycleData} onClose={closeSettings} />}
      </Suspense>
      <OnceOpened opened={newCycleOpen}>
        <Modal opened={newCycleOpen} onClose={closeNewCycle} title="New cycle" size="xl">
          <CreateCycleForm
            existing={cycles.data ?? []}
            onCreated={(c) => {
              closeNewCycle();
              setParams({ cycle: c.id });
            }}
          />
        </Modal>
      </OnceOpened>
    </Stack>
  );
}

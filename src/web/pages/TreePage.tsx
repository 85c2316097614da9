import { Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { defaultCycle, useCycle, useCycles, useTree, useTreeBranches, useTreeSearch } from '../api/okr-queries.js';
import { useTeams, useUsers } from '../api/queries.js';
import type { Me } from '../api/types.js';
import { TreeSummaryCards } from '../components/tree/TreeSummaryCards.js';
import { TreeRowsSkeleton } from '../components/tree/TreeRowsSkeleton.js';
import { VirtualTree } from '../components/VirtualTree.js';
import { TimeTravelPicker, useAsOf } from '../components/okr/TimeTravelPicker.js';
import { attachBranches, isFiltering, keysToDepth, visibleRows, type TreeFilters } from './tree-filter.js';
import { useActiveMinutes } from '../components/adoption/use-active-minutes.js';
import { CycleSummaryCards } from '../components/okr/CycleSummaryCards.js';
import { ModalOnDemand as Modal } from '../components/on-demand/ModalOnDemand.js';
import { OnceOpened } from '../components/on-demand/OnceOpened.js';
import { useListOnDemand } from '../components/on-demand/dropdown-on-open.js';
import { lazyNamed } from '../routing/lazy-named.js';

// The forms (number inputs, pickers, validation) load when a dialog opens: the tree is mostly read.
const CreateCycleForm = lazyNamed(() => import('./CreateCycleForm.js'), 'CreateCycleForm');
const ObjectiveFormModal = lazyNamed(() => import('./ObjectiveFormModal.js'), 'ObjectiveFormModal');
const CycleSettingsModal = lazyNamed(() => import('./CycleSettingsModal.js'), 'CycleSettingsModal');

const NO_FILTERS: TreeFilters = { teamId: null, ownerId: null, status: null, type: null, search: '' };

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
  // The rows carry their names; the filters' lists load when a filter is first opened.
  const [pickerOpened, setPickerOpened] = useState(false);
  const openPicker = useCallback(() => setPickerOpened(true), []);
  const cycleList = useListOnDemand();
  const teamList = useListOnDemand(openPicker);
  const ownerList = useListOnDemand(openPicker);
  const statusList = useListOnDemand();
  const typeList = useListOnDemand();
  const users = useUsers(pickerOpened);
  const teams = useTeams(pickerOpened);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure();
  const [settingsOpen, { open: openSettings, close: closeSettings }] = useDisclosure();
  const [newCycleOpen, { open: openNewCycle, close: closeNewCycle }] = useDisclosure();
  const topRoots = top.data?.roots;
  const roots = useMemo(
    () => (filtering ? found.data?.roots : topRoots && attachBranches(topRoots, branches)),
    [filtering, found.data, topRoots, branches],
  );
  // Open the top two levels when a cycle is first shown, not again when live updates refresh it.
  const openedCycle = useRef<string | null>(null);
  useEffect(() => {
    if (!topRoots || openedCycle.current === cycleId) return;
    openedCycle.current = cycleId;
    setExpanded(keysToDepth(topRoots, 2));
    setOpened([]);
  }, [topRoots, cycleId]);
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
  const pending = filtering ? found.isPending : top.isPending;
  const set = (patch: Partial<TreeFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const summary = cycle.data?.summary;
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
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          OKRs
        </Title>
        <Group align="flex-end">
          <Select
            label="Cycle"
            {...cycleList}
            w={200}
            allowDeselect={false}
            value={cycleId}
            data={(cycles.data ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.status === 'closed' ? ' (closed)' : ''}` }))}
            onChange={(id) => id && setParams({ cycle: id })}
          />
          {/* Disabled rather than absent while the cycle loads: the row keeps its width. */}
          {isAdmin && (cycle.data || cycle.isPending) && (
            <Button variant="default" onClick={openSettings} disabled={!cycle.data}>
              Cycle settings
            </Button>
          )}
          {/* Present (disabled) before the cycles arrive: the buttons beside it keep their places (CLS). */}
          {cycleId ? (
            <Button variant="default" component={Link} to={`/cycles/${cycleId}/report`}>
              Report
            </Button>
          ) : (
            <Button variant="default" disabled>
              Report
            </Button>
          )}
          {isAdmin && (
            <Button variant="default" onClick={openNewCycle}>
              New cycle
            </Button>
          )}
          {(cycle.data ? cycle.data.status !== 'closed' : cycle.isPending) && (
            <Button onClick={openCreate} disabled={!cycle.data}>
              New objective
            </Button>
          )}
        </Group>
      </Group>
      {/* Shown from the first paint (its lower bound follows), so nothing below moves when the cycle arrives. */}
      <TimeTravelPicker min={cycle.data?.startDate} />
      {/* A closed cycle shows its scores and verdicts; a live one its pace, skeletoned until it arrives. */}
      {summary?.scores ? <CycleSummaryCards summary={summary} /> : <TreeSummaryCards summary={summary} />}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Objective or key result"
          w={220}
          value={filters.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
        />
        <Select
          label="Team"
          {...teamList}
          placeholder="All"
          clearable
          w={170}
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          onDropdownOpen={openPicker}
          value={filters.teamId}
          onChange={(teamId) => set({ teamId })}
        />
        <Select
          label="Owner"
          {...ownerList}
          placeholder="Anyone"
          clearable
          searchable
          w={170}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onDropdownOpen={openPicker}
          value={filters.ownerId}
          onChange={(ownerId) => set({ ownerId })}
        />
        <Select
          label="Status"
          {...statusList}
          placeholder="Any"
          clearable
          w={130}
          data={[
            { value: 'on_track', label: 'On track' },
            { value: 'at_risk', label: 'At risk' },
            { value: 'off_track', label: 'Off track' },
          ]}
          value={filters.status}
          onChange={(status) => set({ status })}
        />
        <Select
          label="Type"
          {...typeList}
          placeholder="Any"
          clearable
          w={140}
          data={[
            { value: 'committed', label: 'Committed' },
            { value: 'aspirational', label: 'Aspirational' },
          ]}
          value={filters.type}
          onChange={(type) => set({ type })}
        />
      </Group>
      {pending ? (
        <TreeRowsSkeleton label={filtering ? 'Searching…' : 'Loading…'} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">No objectives {filters === NO_FILTERS ? 'in this cycle yet' : 'match these filters'}.</Text>
      ) : null}
      <VirtualTree rows={rows} expanded={expanded} onToggle={toggle} sharedWith={filters.teamId} />
      <Suspense fallback={null}>
        {cycleId && creating && <ObjectiveFormModal cycleId={cycleId} me={me} opened onClose={closeCreate} />}
        {settingsOpen && cycle.data && <CycleSettingsModal cycle={cycle.data} onClose={closeSettings} />}
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

import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { memo, useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useTeams, useUsers } from '../../api/queries.js';
import type { TreeFilters } from '../../pages/tree-filter.js';
import { SelectOnDemand } from '../on-demand/SelectOnDemand.js';

// Short fixed lists are native selects: light to draw, and the phone's own picker on a phone.
const STATUSES = [
  { value: '', label: 'Any' },
  { value: 'on_track', label: 'On track' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'off_track', label: 'Off track' },
];
const TYPES = [
  { value: '', label: 'Any' },
  { value: 'committed', label: 'Committed' },
  { value: 'aspirational', label: 'Aspirational' },
];

/**
 * The tree's search and filters. The rows carry their names, so the team and owner filters (their code and their
 * lists) load only when one of them is first used. On a phone (`compact`) the search stays and the filters, with
 * whatever `children` add (the time-travel field), fold behind a Filters button, so the first screen shows objectives
 * rather than controls. Memoised: the tree's answers do not redraw it.
 */
export const TreeFilterBar = memo(function TreeFilterBar({
  filters,
  onChange,
  compact = false,
  opened = false,
  onToggle,
  children,
}: {
  filters: TreeFilters;
  onChange: (patch: Partial<TreeFilters>) => void;
  compact?: boolean;
  /** Compact: whether the filters are unfolded. */
  opened?: boolean;
  onToggle?: () => void;
  children?: ReactNode;
}) {
  const [pickerOpened, setPickerOpened] = useState(false);
  const openPicker = useCallback(() => setPickerOpened(true), []);
  const users = useUsers(pickerOpened);
  const teams = useTeams(pickerOpened);
  const teamOptions = useMemo(() => (teams.data ?? []).map((t) => ({ value: t.id, label: t.name })), [teams.data]);
  const ownerOptions = useMemo(() => (users.data ?? []).map((u) => ({ value: u.id, label: u.name })), [users.data]);
  const panelId = useId();
  // On a phone each filter takes half the width; on a wide screen each has its own.
  const width = (wide: number) => (compact ? undefined : wide);
  const search = (
    <TextInput
      label="Search"
      placeholder="Objective or key result"
      w={compact ? undefined : 220}
      style={compact ? { flex: 1 } : undefined}
      value={filters.search}
      onChange={(e) => onChange({ search: e.currentTarget.value })}
    />
  );
  const selects = (
    <>
      <SelectOnDemand
        label="Team"
        placeholder="All"
        clearable
        w={width(170)}
        data={teamOptions}
        onUse={openPicker}
        onDropdownOpen={openPicker}
        value={filters.teamId}
        onChange={(teamId) => onChange({ teamId })}
      />
      <SelectOnDemand
        label="Owner"
        placeholder="Anyone"
        clearable
        searchable
        w={width(170)}
        data={ownerOptions}
        onUse={openPicker}
        onDropdownOpen={openPicker}
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <NativeSelect
        label="Status"
        w={width(130)}
        data={STATUSES}
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: e.currentTarget.value || null })}
      />
      <NativeSelect
        label="Type"
        w={width(140)}
        data={TYPES}
        value={filters.type ?? ''}
        onChange={(e) => onChange({ type: e.currentTarget.value || null })}
      />
    </>
  );
  if (!compact)
    return (
      <Group gap="xs" align="flex-end" wrap="wrap">
        {search}
        {selects}
      </Group>
    );
  const active = [filters.teamId, filters.ownerId, filters.status, filters.type].filter(Boolean).length;
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        {search}
        <Button variant="default" onClick={onToggle} aria-expanded={opened} aria-controls={opened ? panelId : undefined}>
          {active ? `Filters (${active})` : 'Filters'}
        </Button>
      </Group>
      {opened && (
        <Stack gap="xs" id={panelId}>
          <SimpleGrid cols={2} spacing="xs">
            {selects}
          </SimpleGrid>
          {children}
        </Stack>
      )}
    </Stack>
  );
});

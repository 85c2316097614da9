import { Group, NativeSelect, TextInput } from '@mantine/core';
import { memo, useCallback, useMemo, useState } from 'react';
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
 * lists) load only when one of them is first used. Memoised: the tree's answers do not redraw it.
 */
export const TreeFilterBar = memo(function TreeFilterBar({
  filters,
  onChange,
}: {
  filters: TreeFilters;
  onChange: (patch: Partial<TreeFilters>) => void;
}) {
  const [pickerOpened, setPickerOpened] = useState(false);
  const openPicker = useCallback(() => setPickerOpened(true), []);
  const users = useUsers(pickerOpened);
  const teams = useTeams(pickerOpened);
  const teamOptions = useMemo(() => (teams.data ?? []).map((t) => ({ value: t.id, label: t.name })), [teams.data]);
  const ownerOptions = useMemo(() => (users.data ?? []).map((u) => ({ value: u.id, label: u.name })), [users.data]);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Objective or key result"
        w={220}
        value={filters.search}
        onChange={(e) => onChange({ search: e.currentTarget.value })}
      />
      <SelectOnDemand
        label="Team"
        placeholder="All"
        clearable
        w={170}
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
        w={170}
        data={ownerOptions}
        onUse={openPicker}
        onDropdownOpen={openPicker}
        value={filters.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <NativeSelect
        label="Status"
        w={130}
        data={STATUSES}
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: e.currentTarget.value || null })}
      />
      <NativeSelect
        label="Type"
        w={140}
        data={TYPES}
        value={filters.type ?? ''}
        onChange={(e) => onChange({ type: e.currentTarget.value || null })}
      />
    </Group>
  );
});

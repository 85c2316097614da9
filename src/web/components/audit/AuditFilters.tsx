import { Group, NativeSelect, TextInput } from '@mantine/core';
import { AUDIT_ACTION_GROUPS } from '../../../domain/identity/audit-wording.js';
import { useUsers } from '../../api/queries.js';

export interface AuditFilterValues {
  actorId: string;
  action: string;
  /** Calendar dates (YYYY-MM-DD) in the organisation's time zone; empty for no bound. */
  fromDate: string;
  toDate: string;
}

export const NO_FILTERS: AuditFilterValues = { actorId: '', action: '', fromDate: '', toDate: '' };

/** Who, what and when: each change reloads the first page. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const users = useUsers();
  const people = [{ value: '', label: 'Anyone' }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))];
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Filter the audit log">
      <NativeSelect label="Actor" data={people} value={value.actorId} onChange={(e) => set({ actorId: e.currentTarget.value })} w={200} />
      <NativeSelect
        label="Action"
        data={AUDIT_ACTION_GROUPS}
        value={value.action}
        onChange={(e) => set({ action: e.currentTarget.value })}
        w={220}
      />
      <TextInput label="From" type="date" value={value.fromDate} onChange={(e) => set({ fromDate: e.currentTarget.value })} w={160} />
      <TextInput label="To" type="date" value={value.toDate} onChange={(e) => set({ toDate: e.currentTarget.value })} w={160} />
    </Group>
  );
}

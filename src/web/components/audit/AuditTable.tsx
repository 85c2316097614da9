import { Code, Table, Text } from '@mantine/core';
import { describeAuditAction } from '../../../domain/identity/audit-wording.js';
import type { AuditEntry } from '../../api/audit.js';

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  !!value && typeof value === 'object' && 'from' in value && 'to' in value;
const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** "role: member → admin; name: X" — field changes read as changes, anything else as key: value. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => (isChange(value) ? `${key}: ${show(value.from)} → ${show(value.to)}` : `${key}: ${show(value)}`))
    .join('; ');
}

/** Audit entries, newest first; times in the organisation's time zone. */
export function AuditTable({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  const time = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
  if (entries.length === 0) return <Text c="dimmed">No entries match.</Text>;
  return (
    // A focusable region: the rows hold nothing focusable, and keyboard users must still scroll it sideways on a phone.
    <div role="region" aria-label="Audit entries, scrollable" tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table aria-label="Audit entries" verticalSpacing="xs" miw={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td>{e.seq}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {time.format(new Date(e.at))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.actor.name}</Text>
                {e.ip && (
                  <Text size="xs" c="dimmed">
                    {e.ip}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{describeAuditAction(e.action)}</Text>
                <Code fz="xs">{e.action}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {e.targetType ? `${e.targetType.replace(/_/g, ' ')} ${e.targetId ?? ''}` : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {detailsText(e.details) || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

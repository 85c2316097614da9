import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { when, type AttentionItem } from './rhythm-api.js';
import { ScrollRegion } from '../ScrollRegion.js';

const KIND: Record<AttentionItem['kind'], { label: string; color: string; variant: 'filled' | 'light' }> = {
  overdue_check_in: { label: 'Overdue check-in', color: 'orange', variant: 'filled' },
  unanswered_blocker: { label: 'Unanswered blocker', color: 'red', variant: 'light' },
  unanswered_dependency: { label: 'Unanswered dependency', color: 'grape', variant: 'light' },
};

/** Oldest first, as the API orders them: who, what, since when, and where to act. */
export function AttentionTable({ items }: { items: AttentionItem[] }) {
  return (
    <ScrollRegion label="Needs attention" minWidth={640}>
      <Table aria-label="Needs attention, oldest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Since</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>
              <span className="sr-only">Link</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, i) => (
            <Table.Tr key={`${item.kind}-${item.link}-${item.since}-${i}`}>
              <Table.Td>
                <Text size="sm">{when(item.since)}</Text>
              </Table.Td>
              {/* Wide enough for the longest kind: Mantine cuts a badge that does not fit to "OVER…". */}
              <Table.Td miw={190}>
                <Badge color={KIND[item.kind].color} variant={KIND[item.kind].variant}>
                  {KIND[item.kind].label}
                </Badge>
              </Table.Td>
              <Table.Td>{item.who?.name ?? 'No owner'}</Table.Td>
              <Table.Td>
                <Text size="sm">{item.what}</Text>
                {item.detail && (
                  <Text size="sm" c="dimmed">
                    “{item.detail}”
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={item.link} size="sm" aria-label={`Open: ${item.what}`}>
                  Open
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

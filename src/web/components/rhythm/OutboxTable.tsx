import { Badge, Code, Table, Text } from '@mantine/core';
import { when, type OutboxEntry } from './rhythm-api.js';
import { ScrollRegion } from '../ScrollRegion.js';

/** A webhook URL's path is its secret: show the host only. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'webhook';
  }
}

const COLORS: Record<OutboxEntry['status'], string> = { pending: 'yellow', sent: 'teal', failed: 'red', recorded: 'gray' };

/** Recent e-mails and webhook calls: what went out, what waits for a retry, what failed and why. */
export function OutboxTable({ entries }: { entries: OutboxEntry[] }) {
  if (entries.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Nothing has been sent yet.
      </Text>
    );
  return (
    <ScrollRegion label="Outbox" minWidth={900}>
      <Table aria-label="Outbox: recent e-mails and webhook calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Created</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Next attempt / error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Text size="sm">{when(e.createdAt)}</Text>
              </Table.Td>
              <Table.Td>{e.channel === 'email' ? 'E-mail' : 'Webhook'}</Table.Td>
              <Table.Td>
                <Code style={{ overflowWrap: 'anywhere' }}>{e.channel === 'webhook' ? hostOf(e.recipient) : e.recipient}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.subject ?? e.body.split('\n')[0]}</Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  color={COLORS[e.status]}
                  variant="light"
                  style={{ maxWidth: 'none', overflow: 'visible' }}
                  styles={{ label: { overflow: 'visible' } }}
                >
                  {e.status}
                </Badge>
              </Table.Td>
              <Table.Td>{e.attempts}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {e.status === 'pending' ? `${when(e.nextAttemptAt)}${e.lastError ? ` — ${e.lastError}` : ''}` : (e.lastError ?? '')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

import { Badge, Table, Text } from '@mantine/core';
import { useDeliveries } from '../../api/webhooks.js';

/** One endpoint's recent delivery attempts: what the receiver answered and how fast. */
export function DeliveryLog({ endpointId, url }: { endpointId: string; url: string }) {
  const deliveries = useDeliveries(endpointId);
  const rows = deliveries.data ?? [];
  if (deliveries.isLoading) return <Text c="dimmed">Loading deliveries…</Text>;
  if (rows.length === 0) return <Text c="dimmed">No deliveries yet.</Text>;
  return (
    // A focusable region, so keyboard users can scroll the log sideways on a phone.
    <div role="region" aria-label={`Delivery log for ${url}`} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table aria-label={`Deliveries to ${url}`} striped miw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Attempt</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.eventType}</Table.Td>
              <Table.Td>
                <Badge color={d.statusCode !== null && d.statusCode < 300 ? 'green' : 'red'} variant="light">
                  {d.statusCode ?? 'no answer'}
                </Badge>
                {d.error && (
                  <Text size="xs" c="dimmed">
                    {d.error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{d.responseMs === null ? '–' : `${d.responseMs} ms`}</Table.Td>
              <Table.Td>{d.attempt}</Table.Td>
              <Table.Td>{new Date(d.at).toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

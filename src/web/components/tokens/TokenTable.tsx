import { ActionIcon, Code, Table } from '@mantine/core';
import { ScrollRegion } from '../ScrollRegion.js';
import { day } from '../social/when.js';

/** What every kind of token shows: personal, service and SCIM tokens. */
export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  createdAt?: string;
  scopes?: string[];
  expiresAt?: string | null;
  owner?: { name: string };
}

/** The columns only some kinds of token have. */
export type TokenColumn = 'owner' | 'scopes' | 'created' | 'expires';

// Numeric dates as the rest of the app writes them (social/when.ts), without `Intl` in English (United States).
const when = (iso: string | null | undefined) => (iso ? day(iso) : 'never');

interface TokenTableProps {
  /** Names the table, its scroll region and (with `revokeLabel`) each row's revoke button. */
  label: string;
  tokens: TokenRow[];
  columns: TokenColumn[];
  revokeLabel: string;
  onRevoke: (id: string) => void;
  minWidth?: number;
}

/**
 * One table for personal, service and SCIM tokens. On a phone it scrolls sideways: its viewport takes
 * focus so the keyboard can scroll it too.
 */
export function TokenTable({ label, tokens, columns, revokeLabel, onRevoke, minWidth = 640 }: TokenTableProps) {
  const shows = (column: TokenColumn) => columns.includes(column);
  return (
    <ScrollRegion label={label} minWidth={minWidth}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {shows('owner') && <Table.Th>Owner</Table.Th>}
            <Table.Th>Starts with</Table.Th>
            {shows('scopes') && <Table.Th>Scopes</Table.Th>}
            {shows('created') && <Table.Th>Created</Table.Th>}
            {shows('expires') && <Table.Th>Expires</Table.Th>}
            <Table.Th>Last used</Table.Th>
            <Table.Th>
              <span className="sr-only">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.name}</Table.Td>
              {shows('owner') && <Table.Td>{t.owner?.name}</Table.Td>}
              <Table.Td>
                <Code>{t.prefix}…</Code>
              </Table.Td>
              {shows('scopes') && <Table.Td>{t.scopes?.join(', ')}</Table.Td>}
              {shows('created') && <Table.Td>{when(t.createdAt)}</Table.Td>}
              {shows('expires') && <Table.Td>{when(t.expiresAt)}</Table.Td>}
              <Table.Td>{when(t.lastUsedAt)}</Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label={`${revokeLabel} ${t.name}`} onClick={() => onRevoke(t.id)}>
                  ✕
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

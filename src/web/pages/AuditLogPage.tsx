import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { shiftDate, zonedTime } from '../../domain/zoned-time.js';
import { auditExportUrl, useAuditEntries, type AuditQuery } from '../api/audit.js';
import type { Me } from '../api/types.js';
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from '../components/audit/AuditFilters.js';
import { AuditTable } from '../components/audit/AuditTable.js';
import { RetentionForm } from '../components/audit/RetentionForm.js';
import { VerifyChainCard } from '../components/audit/VerifyChainCard.js';

const PAGE = 50;

/** Date filters mean whole days on the organisation's clock, not the browser's. */
function queryOf(filters: AuditFilterValues, timeZone: string): AuditQuery {
  return {
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    from: filters.fromDate ? zonedTime(filters.fromDate, 0, timeZone).toISOString() : undefined,
    to: filters.toDate ? new Date(zonedTime(shiftDate(filters.toDate, 1), 0, timeZone).getTime() - 1).toISOString() : undefined,
  };
}

/** The organisation's audit log (owners and admins): filter, page, export, verify the hash chain, set the retention. */
export function AuditLogPage({ me }: { me: Me }) {
  const timeZone = me.organization.timeZone;
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  // Each page starts before the last sequence number of the one before it; the stack lets "Newer" go back.
  const [cursors, setCursors] = useState<number[]>([]);
  const query = queryOf(filters, timeZone);
  const entries = useAuditEntries({ ...query, before: cursors.at(-1), limit: PAGE + 1 });
  if (!me.can.readAudit) return <Alert color="gray">Only an owner or admin can see the audit log.</Alert>;
  const shown = (entries.data ?? []).slice(0, PAGE);
  const hasOlder = (entries.data?.length ?? 0) > PAGE;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Audit log
        </Title>
        <Text c="dimmed">
          Who did what across the organisation: sign-ins, roles and teams, settings, tokens, imports and exports, deletions and overrides.
          Times are in {timeZone}.
        </Text>
      </div>
      <Group justify="space-between" align="flex-end">
        <AuditFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setCursors([]);
          }}
        />
        <Anchor href={auditExportUrl(query)} download="audit-log.csv" underline="always">
          Export CSV
        </Anchor>
      </Group>
      {entries.error && (
        <Alert color="red" role="alert">
          {entries.error.message}
        </Alert>
      )}
      {entries.data ? <AuditTable entries={shown} timeZone={timeZone} /> : <Text c="dimmed">Loading…</Text>}
      <Group justify="space-between">
        <Button variant="default" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </Button>
        <Text size="sm" c="dimmed">
          Page {cursors.length + 1}
        </Text>
        <Button variant="default" disabled={!hasOlder} onClick={() => setCursors([...cursors, shown.at(-1)!.seq])}>
          Older
        </Button>
      </Group>
      <VerifyChainCard />
      <RetentionForm />
    </Stack>
  );
}

import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import type { Me } from '../api/types.js';
import { useCycleReport } from '../api/reports.js';
import { ReportDocument } from '../components/reports/ReportDocument.js';
import { ReportEmailPanel } from '../components/reports/ReportEmailPanel.js';
import { ReportSharePanel } from '../components/reports/ReportSharePanel.js';

/** A cycle's (or, with ?teamId=, a team's) report for stakeholders: print it, share a read-only link or e-mail it on a schedule. */
export function ReportPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const teamId = search.get('teamId');
  const report = useCycleReport(id, teamId);
  const role = me.user.role;
  if (report.isPending) return <Loader aria-label="Loading the report" />;
  if (report.isError) return <Alert color="red">{report.error.message}</Alert>;
  return (
    <Stack gap="lg">
      <Group justify="flex-end" data-print="hide">
        <Button variant="default" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <ReportDocument report={report.data} />
      {(role === 'owner' || role === 'admin' || role === 'champion') && (
        <>
          <ReportSharePanel cycleId={id} teamId={teamId} isAdmin={role === 'owner' || role === 'admin'} />
          <ReportEmailPanel cycleId={id} teamId={teamId} />
        </>
      )}
    </Stack>
  );
}

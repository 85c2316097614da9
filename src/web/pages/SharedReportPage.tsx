import { Alert, Container, Loader } from '@mantine/core';
import { useParams } from 'react-router';
import { useSharedReport } from '../api/reports.js';
import { ReportDocument } from '../components/reports/ReportDocument.js';

/** A report opened by its read-only link, without signing in; an expired or revoked link says only that. */
export function SharedReportPage() {
  const { token = '' } = useParams();
  const report = useSharedReport(token);
  return (
    <Container component="main" size="md" py="lg">
      {report.isPending ? (
        <Loader aria-label="Loading the report" />
      ) : report.isError ? (
        <Alert color="gray" title="This link does not work">
          The report link has expired, was revoked, or is not a Cairn link.
        </Alert>
      ) : (
        <ReportDocument report={report.data} />
      )}
    </Container>
  );
}

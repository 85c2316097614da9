import { Alert, Button, Checkbox, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';
import { rhythmKeys, useJobs, when, type JobReport } from './rhythm-api.js';

const LABELS: Record<string, string> = {
  reminders: 'Reminders',
  escalation: 'Escalation',
  digest: 'Digest',
  'survey-rounds': 'Survey rounds',
  'survey-reminders': 'Survey reminders',
  'proxy-reminders': 'Proxy measure reminders',
  'report-emails': 'Report e-mails',
  'status-changes': 'Status changes',
  dispatch: 'Deliver outbox',
};

/** What a run did, in a line: "ran 2 periods · notified 3 · webhooks 1". */
function summarize(report: JobReport): string {
  if (report.totals.ran === 0 && (report.totals.skipped ?? 0) > 0 && !report.totals.errors)
    return 'Already ran for the current period. Tick the box above to run it again.';
  const parts = Object.entries(report.totals)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${key} ${n}`);
  const errors = report.periods.filter((p) => p.error).map((p) => `${p.key}: ${p.error}`);
  return [parts.length ? parts.join(' · ') : 'Nothing to do', ...errors].join('\n');
}

/** Admins run a job now, as the minute ticker would, and see what it did. */
export function JobRunner() {
  const jobs = useJobs(true);
  const [force, setForce] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const run = useApiMutation(
    (name: string) => api<JobReport>(`/api/v1/admin/jobs/${name}/run`, { method: 'POST', body: { force } }),
    [rhythmKeys.jobs, rhythmKeys.outbox, rhythmKeys.attention],
  );
  const start = async (name: string) => {
    setResult(null);
    try {
      const report = await run.mutateAsync(name);
      setResult({ ok: true, text: `${LABELS[name] ?? name}: ${summarize(report)}` });
    } catch (error) {
      setResult({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    }
  };
  return (
    <Stack gap="sm">
      <Checkbox
        label="Also re-run periods that already ran (nobody is notified twice)"
        checked={force}
        onChange={(e) => setForce(e.currentTarget.checked)}
      />
      <Table aria-label="Jobs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th>What it does</Table.Th>
            <Table.Th>Last run here</Table.Th>
            <Table.Th>
              <span className="sr-only">Run</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(jobs.data ?? []).map((job) => (
            <Table.Tr key={job.name}>
              <Table.Td>
                <Code>{job.name}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{job.description}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{job.lastRun ? when(job.lastRun.startedAt) : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  loading={run.isPending && run.variables === job.name}
                  onClick={() => void start(job.name)}
                  aria-label={`Run now: ${LABELS[job.name] ?? job.name}`}
                >
                  Run now
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {result && (
        <Alert color={result.ok ? 'teal' : 'red'} role={result.ok ? 'status' : 'alert'}>
          <Group gap="xs">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {result.text}
            </Text>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

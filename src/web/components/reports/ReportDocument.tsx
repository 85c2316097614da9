import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { CycleReport, ReportItem } from '../../api/reports.js';
import { STATUS_COLOR, STATUS_LABEL, percent } from '../ProgressBar.js';
import './report-print.css';
import { ScrollRegion } from '../ScrollRegion.js';

function Items({ items, empty }: { items: ReportItem[]; empty: string }) {
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <List spacing={4}>
      {items.map((item, i) => (
        <List.Item key={`${item.kind}-${item.objectiveId}-${i}`}>{item.summary}</List.Item>
      ))}
    </List>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** The report itself: the same document signed in, shared, on screen and on paper. */
export function ReportDocument({ report }: { report: CycleReport }) {
  return (
    <Stack gap="lg" className="report-document" maw={860}>
      <div>
        <Title order={1} size="h2">
          {report.team ? `${report.team.name} — ` : ''}
          {report.cycle.name} report
        </Title>
        <Text c="dimmed">
          {report.cycle.startDate} to {report.cycle.endDate} · as of {report.asOf}
        </Text>
      </div>
      <Section id="report-pace" title="Progress against pace">
        <Text>
          {percent(report.progress)} done where {percent(report.expected)} was expected by now.
        </Text>
        <Group gap="xs" mt="xs">
          {(['on_track', 'at_risk', 'off_track'] as const).map((status) => (
            <Badge key={status} color={STATUS_COLOR[status]} variant="light">
              {STATUS_LABEL[status]}: {report.statusCounts[status]}
            </Badge>
          ))}
        </Group>
      </Section>
      <Section id="report-status" title="Status">
        <ScrollRegion label="Status of each objective" minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Objective</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Expected</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.objectives.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.title}</Table.Td>
                  <Table.Td>{percent(o.progress)}</Table.Td>
                  <Table.Td>{percent(o.expected)}</Table.Td>
                  <Table.Td>{STATUS_LABEL[o.status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Section>
      <Section id="report-highlights" title="Highlights">
        <Items items={report.highlights} empty="No key result moved up this month." />
      </Section>
      <Section id="report-risks" title="Risks">
        <Items items={report.risks} empty="No new risks this month." />
      </Section>
      <Section id="report-decisions" title="Decisions">
        {report.decisions.length === 0 ? (
          <Text c="dimmed">No decisions logged in this cycle.</Text>
        ) : (
          <List spacing={4}>
            {report.decisions.map((d, i) => (
              <List.Item key={i}>
                {d.decision} — {d.ownerName ?? 'no owner'}, {d.decidedOn}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section id="report-lessons" title="Lessons">
        {report.lessons.length === 0 ? (
          <Text c="dimmed">No lessons recorded yet.</Text>
        ) : (
          <List spacing={4}>
            {report.lessons.map((l, i) => (
              <List.Item key={i}>{l.text}</List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

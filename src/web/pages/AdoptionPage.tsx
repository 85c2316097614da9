import { Alert, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { addDays } from '../../domain/dates.js';
import { useAdoption, type AdoptionReport } from '../api/adoption.js';
import type { Me } from '../api/types.js';
import { AdoptionTable, WeeklyTable } from '../components/adoption/AdoptionTable.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Where the clarity and leadership-support columns come from, and how small groups are kept anonymous. */
function surveyNote(r: AdoptionReport): string {
  const { clarity, leadershipSupport } = r.surveySources;
  const named = (label: string, s: AdoptionReport['surveySources']['clarity']) =>
    s ? `${label} from “${s.title}” (opened ${s.opensOn})` : `${label}: no survey has asked it yet`;
  return `Survey scores: ${named('clarity', clarity)}; ${named('leadership support', leadershipSupport)}. A group under the anonymity threshold shows the group it is merged into (marked merged), or nothing.`;
}

/** How the OKR programme is taking hold: per team, department and leader, week by week (champions and admins). */
export function AdoptionPage({ me }: { me: Me }) {
  const allowed = me.can.readAdoption;
  const [range, setRange] = useState(() => ({ from: addDays(today(), -7 * 11), to: today() }));
  const report = useAdoption(range, allowed);
  if (!allowed) return <Alert color="gray">Adoption figures are for OKR champions and admins.</Alert>;
  const r = report.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Adoption
        </Title>
        <Text c="dimmed">
          Is OKR becoming the way we work? The latest week per group, with the trend over the range; the figures are defined in Cairn&apos;s
          adoption guide (docs/adoption.md). Minutes are only ever summed per team and week.
        </Text>
      </div>
      <Group align="end">
        <TextInput type="date" label="From" value={range.from} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} />
        <TextInput type="date" label="To" value={range.to} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} />
      </Group>
      {report.error && <Alert color="red">{report.error.message}</Alert>}
      {!r && !report.error && <Text c="dimmed">Loading…</Text>}
      {r && (
        <>
          <Text size="sm" c="dimmed">
            {surveyNote(r)}
          </Text>
          {r.flaggedLeaders.length > 0 && (
            <Alert color="orange" variant="light" title="Leaders whose teams fall behind on involvement">
              <List>
                {r.flaggedLeaders.map((l) => (
                  <List.Item key={l.id}>
                    {l.name}: {l.involvement === null ? '—' : `${Math.round(l.involvement * 100)} %`} involved
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Card withBorder>
            <AdoptionTable
              caption="The whole organisation, the pilot and the rest (latest week)"
              groups={[r.organisation, ...(r.pilot ? [r.pilot.pilot, r.pilot.nonPilot] : [])]}
            />
          </Card>
          {r.departments.length > 0 && (
            <Card withBorder>
              <AdoptionTable caption="Departments (with their teams)" groups={r.departments} />
            </Card>
          )}
          <Card withBorder>
            <AdoptionTable caption="Teams" groups={r.teams} />
          </Card>
          <Card withBorder>
            <AdoptionTable caption="Leaders (the teams they lead)" groups={r.leaders} />
          </Card>
          <Card withBorder>
            <WeeklyTable group={r.organisation} />
          </Card>
        </>
      )}
    </Stack>
  );
}

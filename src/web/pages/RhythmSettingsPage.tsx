import { Card, Stack, Text, Title } from '@mantine/core';
import type { Me } from '../api/types.js';
import { FileUsageCard } from '../components/attachments/FileUsageCard.js';
import { JobRunner } from '../components/rhythm/JobRunner.js';
import { OutboxTable } from '../components/rhythm/OutboxTable.js';
import { useOutbox, useRhythm, useTeamRhythms } from '../components/rhythm/rhythm-api.js';
import { TeamRhythmForm } from '../components/rhythm/TeamRhythmForm.js';
import { TimeframesForm } from '../components/rhythm/TimeframesForm.js';

/** The check-in rhythm: timeframes and digest (organisation), each team's schedule, and for admins the jobs and the outbox. */
export function RhythmSettingsPage({ me }: { me: Me }) {
  const rhythm = useRhythm();
  const teams = useTeamRhythms();
  const outbox = useOutbox(me.can.runJobs);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Check-in rhythm
        </Title>
        <Text c="dimmed">
          When check-ins are due, how soon people should respond, and who hears about what. Times are in {me.organization.timeZone}.
        </Text>
      </div>
      <Card withBorder component="section" aria-labelledby="timeframes-title">
        <Title order={2} size="h4" id="timeframes-title" mb="sm">
          Response timeframes
        </Title>
        {rhythm.data ? <TimeframesForm rhythm={rhythm.data} canEdit={me.can.manageRhythm} /> : <Text c="dimmed">Loading…</Text>}
      </Card>
      <section aria-labelledby="teams-title">
        <Title order={2} size="h4" id="teams-title" mb="sm">
          Team check-ins
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Objectives without a team check in weekly, Monday 10:00. Owners get one reminder per period; the team's webhook gets one post.
        </Text>
        <Stack gap="sm">
          {(teams.data ?? []).map((team) => (
            <TeamRhythmForm key={team.id} team={team} canEdit={me.can.manageTeams} />
          ))}
          {teams.data?.length === 0 && <Text c="dimmed">No teams yet.</Text>}
        </Stack>
      </section>
      {me.can.runJobs && (
        <>
          <Card withBorder component="section" aria-labelledby="jobs-title">
            <Title order={2} size="h4" id="jobs-title" mb="sm">
              Jobs
            </Title>
            <JobRunner />
          </Card>
          <Card withBorder component="section" aria-labelledby="outbox-title">
            <Title order={2} size="h4" id="outbox-title" mb="sm">
              Outbox
            </Title>
            <OutboxTable entries={outbox.data ?? []} />
          </Card>
          <FileUsageCard />
        </>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useProgramme } from '../api/rollout.js';
import type { Me } from '../api/types.js';
import { MaturityCard } from '../components/rollout/MaturityCard.js';
import { PhasesChecklist } from '../components/rollout/PhasesChecklist.js';
import { PilotCard } from '../components/rollout/PilotCard.js';
import { RolloutTeamCard } from '../components/rollout/RolloutTeamCard.js';
import { RolloutObjectiveCard } from '../components/rollout/RolloutObjectiveCard.js';

/** The rollout workspace for champions and admins: phases, rollout team, pilot scope, with surveys and figures a click away. */
export function RolloutPage({ me }: { me: Me }) {
  const allowed = me.can.manageRollout;
  const programme = useProgramme(allowed);
  if (!allowed) return <Alert color="gray">The rollout page is for OKR champions and admins.</Alert>;
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1} size="h2">
          Rollout
        </Title>
        <Text c="dimmed">Start with a pilot, listen to the teams, then widen the programme.</Text>
      </div>
      {programme.isPending && <Loader aria-label="Loading the rollout" />}
      {programme.data && (
        <>
          <Card withBorder aria-labelledby="trained-leaders-title" component="section">
            <Title order={2} size="h4" id="trained-leaders-title">
              Trained leaders
            </Title>
            <Text fw={700} fz="xl" data-testid="trained-leaders">
              {programme.data.trainedLeaders.trained} of {programme.data.trainedLeaders.of}
            </Text>
            <Text size="sm" c="dimmed">
              Team leads who completed the lead onboarding path (Welcome page), however long ago they joined.
            </Text>
          </Card>
          <PhasesChecklist phases={programme.data.phases} />
          <RolloutTeamCard team={programme.data.team} />
          <PilotCard pilot={programme.data.pilot} settings={programme.data.settings} />
          <MaturityCard mayMove={me.can.manageOrganization} />
          <RolloutObjectiveCard />
        </>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Listen and measure
        </Title>
        <Stack gap={4}>
          <Anchor component={Link} to="/surveys">
            Send a pulse survey and read its results
          </Anchor>
          <Anchor component={Link} to="/adoption">
            Adoption figures per team, department and leader
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}

import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useCycleRetrospectives, useOpenRetrospective } from '../api/learning.js';

/** A cycle's retrospectives, and the teams with objectives in it that have not held theirs yet. */
export function CycleRetrospectivesPage() {
  const { id = '' } = useParams();
  const list = useCycleRetrospectives(id);
  const open = useOpenRetrospective(id);
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Retrospectives
        </Title>
        <Anchor component={Link} to={`/cycles/${id}/evaluation`}>
          Evaluation of this cycle
        </Anchor>
      </div>
      {list.isError && <Alert color="red">Could not load the retrospectives.</Alert>}
      {open.error && (
        <Alert color="red" role="alert">
          {open.error.message}
        </Alert>
      )}
      {list.data?.retrospectives.map((retro) => (
        <Card key={retro.id} withBorder padding="sm">
          <Anchor component={Link} to={`/retrospectives/${retro.id}`}>
            {retro.teamName}
            {retro.objectiveTitle ? ` · ${retro.objectiveTitle}` : ''}
          </Anchor>
          <Text size="sm" c="dimmed">
            {retro.participants.length} invited · {retro.actions.filter((a) => !a.done).length} open actions
          </Text>
        </Card>
      ))}
      {list.data && list.data.missingTeams.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Still to hold
          </Title>
          {list.data.missingTeams.map((team) => (
            <Group key={team.teamId} justify="space-between">
              <Text>{team.teamName}</Text>
              <Button
                size="xs"
                loading={open.isPending}
                onClick={() => open.mutate(team.teamId, { onSuccess: (retro) => void navigate(`/retrospectives/${retro.id}`) })}
              >
                Open {team.teamName}’s retrospective
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

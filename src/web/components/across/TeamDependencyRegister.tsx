import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTeamRegister } from '../../api/dependencies.js';
import { DependencyList } from './DependencyList.js';

/** A team's register: what it needs from other teams, and what they need from it (its leads answer here). */
export function TeamDependencyRegister({ teamId }: { teamId: string }) {
  const register = useTeamRegister(teamId);
  if (!register.data) return null;
  const { weNeed, theyNeed } = register.data;
  return (
    <Card withBorder aria-labelledby="register-heading">
      <Title order={2} size="h4" mb="sm" id="register-heading">
        Dependencies
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs" data-testid="they-need">
          <Title order={3} size="h5">
            What others need from us
          </Title>
          {theyNeed.length ? (
            <DependencyList items={theyNeed} side="provide" />
          ) : (
            <Text size="sm" c="dimmed">
              Nothing asked of this team.
            </Text>
          )}
        </Stack>
        <Stack gap="xs" data-testid="we-need">
          <Title order={3} size="h5">
            What we need from others
          </Title>
          {weNeed.length ? (
            <DependencyList items={weNeed} side="need" />
          ) : (
            <Text size="sm" c="dimmed">
              Nothing asked of other teams.
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

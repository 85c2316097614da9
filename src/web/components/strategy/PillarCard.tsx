import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Pillar } from '../../api/strategy.js';
import { percent, ProgressBar } from '../ProgressBar.js';
import { plural } from '../../../domain/quality/helpers.js';

/** How a pillar is doing: what serves it by status, progress against pace; or that nothing serves it. */
export function PillarStandingLine({ pillar }: { pillar: Pillar }) {
  if (pillar.unserved)
    return (
      <Badge color="red.9" variant="filled">
        Nothing serves it this cycle
      </Badge>
    );
  return (
    <Stack gap={4}>
      <Text size="sm">
        {plural(pillar.objectiveCount, 'objective serves', 'objectives serve')} it · {pillar.statusCounts.on_track} on track ·{' '}
        {pillar.statusCounts.at_risk} at risk · {pillar.statusCounts.off_track} off track
      </Text>
      <ProgressBar progress={pillar.progress ?? 0} expected={pillar.expectedProgress} status={null} label={pillar.name} />
    </Stack>
  );
}

export function PillarCard({ pillar }: { pillar: Pillar }) {
  return (
    <Card withBorder data-testid="pillar-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={`/strategy/pillars/${pillar.id}`} fw={700}>
            {pillar.name}
          </Anchor>
          {pillar.ownerName && (
            <Text size="sm" c="dimmed">
              Owner: {pillar.ownerName}
            </Text>
          )}
        </Group>
        {pillar.narrative && <Text size="sm">{pillar.narrative}</Text>}
        <PillarStandingLine pillar={pillar} />
        {pillar.annualObjectives.length > 0 && (
          <List size="sm" aria-label={`Annual objectives of ${pillar.name}`}>
            {pillar.annualObjectives.map((a) => (
              <List.Item key={a.id}>
                {a.title} ({a.year}) — {a.objectiveCount} objectives{a.progress === null ? '' : `, ${percent(a.progress)} done`}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

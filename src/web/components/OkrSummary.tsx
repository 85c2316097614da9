import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { defaultCycle, useCycles } from '../api/okr-queries.js';
import type { Objective } from '../api/okr-types.js';
import { ProgressBar } from './ProgressBar.js';
import { SharedBadge } from './SharedBadge.js';
import { StatusBadges } from './StatusBadge.js';

interface RecentCheckIn {
  id: string;
  asOf: string;
  value: number | null;
  confidence: number | null;
  note: string | null;
  blockers: string | null;
  keyResultTitle: string;
  objectiveId: string;
  authorName: string | null;
}

/** A team's or a person's OKRs in the current cycle and their latest check-ins. */
export function OkrSummary({
  objectivesQuery,
  checkInsPath,
  emptyText,
}: {
  objectivesQuery: string;
  checkInsPath: string;
  emptyText: string;
}) {
  const cycles = useCycles();
  const cycle = defaultCycle(cycles.data ?? []);
  const objectives = useQuery({
    queryKey: ['objectives', 'summary', objectivesQuery, cycle?.id],
    queryFn: () => api<Objective[]>(`/api/v1/objectives?cycleId=${cycle!.id}&${objectivesQuery}`),
    enabled: Boolean(cycle),
  });
  const recent = useQuery({ queryKey: ['check-ins', 'recent', checkInsPath], queryFn: () => api<RecentCheckIn[]>(checkInsPath) });
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        OKRs{cycle ? ` · ${cycle.name}` : ''}
      </Title>
      {objectives.data?.length === 0 && (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      )}
      {(objectives.data ?? []).map((o) => (
        <Card key={o.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap={6}>
              <Anchor component={Link} to={`/objectives/${o.id}`} fw={600} size="sm">
                {o.title}
              </Anchor>
              {o.sharedFrom && <SharedBadge by={o.sharedFrom.teamName} />}
              {o.status === 'draft' && (
                <Badge size="xs" color="gray">
                  Draft
                </Badge>
              )}
            </Group>
            <StatusBadges
              status={o.progressStatus}
              confidence={o.confidence}
              stale={o.stale}
              closed={o.cycleClosed ? { score: o.score, verdict: o.verdict } : undefined}
            />
          </Group>
          <ProgressBar
            progress={o.progress}
            expected={o.cycleClosed ? null : o.expectedProgress}
            status={o.cycleClosed ? null : o.progressStatus}
            label={o.title}
            size="sm"
          />
        </Card>
      ))}
      <Title order={2} size="h4">
        Recent check-ins
      </Title>
      {recent.data?.length === 0 && (
        <Text c="dimmed" size="sm">
          No check-ins yet.
        </Text>
      )}
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Recent check-ins">
        {(recent.data ?? []).map((c) => (
          <Text component="li" key={c.id} size="sm">
            <Text span c="dimmed" size="xs">
              {c.asOf}
            </Text>{' '}
            · <strong>{c.authorName ?? 'someone'}</strong> on{' '}
            <Anchor component={Link} to={`/objectives/${c.objectiveId}`} size="sm">
              {c.keyResultTitle}
            </Anchor>
            {c.value !== null ? `: ${c.value}` : ''}
            {c.confidence !== null ? ` (confidence ${c.confidence}/10)` : ''}
            {c.note ? ` — ${c.note}` : ''}
            {c.blockers && (
              <Text span c="red.9">
                {' '}
                · Blocker: {c.blockers}
              </Text>
            )}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

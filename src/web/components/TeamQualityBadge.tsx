import { Badge, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import { defaultCycle, useCycles } from '../api/okr-queries.js';

/** The team's OKR quality in the current cycle at a glance: the mean coach score of its objectives. */
export function TeamQualityBadge({ teamId }: { teamId: string }) {
  const cycles = useCycles();
  const cycle = defaultCycle(cycles.data ?? []);
  const quality = useQuery({
    queryKey: ['objectives', 'team-quality', teamId, cycle?.id],
    queryFn: () => api<{ score: number; objectives: { id: string }[] }>(`/api/v1/teams/${teamId}/quality?cycleId=${cycle!.id}`),
    enabled: Boolean(cycle),
  });
  if (!quality.data || quality.data.objectives.length === 0) return null;
  const score = quality.data.score;
  return (
    <Tooltip label="Mean quality-coach score of this team's objectives; see Guiding principles">
      <Badge
        component={Link}
        to="/principles"
        variant="light"
        color={score >= 80 ? 'teal' : score >= 50 ? 'yellow' : 'red'}
        style={{ cursor: 'pointer' }}
        data-testid="team-quality"
      >
        OKR quality {score}/100
      </Badge>
    </Tooltip>
  );
}

import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { when } from './social/when.js';
import { CHANNEL_LABELS, type WriteChannel } from '../../domain/write-channels.js';

interface ActivityItem {
  id: string;
  action: string;
  actorName: string | null;
  createdAt: string;
  after: unknown;
  via: WriteChannel | null;
}

const VERBS: Record<string, string> = {
  'objective.created': 'created the objective',
  'objective.updated': 'edited the objective',
  'objective.aligned': 'aligned it',
  'objective.unaligned': 'removed an alignment',
  'objective.publish-overridden': 'published it despite blocking findings',
  'objective.review-requested': 'asked for a review',
  'objective.review-decided': 'answered a review request',
  'objective.review-withdrawn': 'withdrew a review request',
  'key_result.created': 'added a key result',
  'key_result.updated': 'edited a key result',
  'key_result.deleted': 'deleted a key result',
  'key_result.score-overridden': 'overrode a score',
  'check_in.created': 'checked in',
  'check_in.corrected': 'corrected a check-in',
  'check_in.deleted': 'deleted a check-in',
};

function detail(item: ActivityItem): string {
  const after = item.after as { value?: number | null; note?: string | null; title?: string; reason?: string; status?: string } | null;
  if (item.action === 'check_in.created' || item.action === 'check_in.corrected')
    return [after?.value !== undefined && after?.value !== null ? `value ${after.value}` : '', after?.note ?? '']
      .filter(Boolean)
      .join(' · ');
  if (item.action === 'key_result.created') return after?.title ?? '';
  if (item.action === 'objective.publish-overridden') return after?.reason ?? '';
  if (item.action === 'objective.review-decided') return after?.status === 'approved' ? 'approved' : 'changes requested';
  return '';
}

/** Who did what, newest first: the objective's history. */
export function ActivityList({ objectiveId }: { objectiveId: string }) {
  const activity = useQuery({
    queryKey: ['objectives', objectiveId, 'activity'],
    queryFn: () => api<ActivityItem[]>(`/api/v1/objectives/${objectiveId}/activity`),
  });
  if (!activity.data?.length)
    return (
      <Text size="sm" c="dimmed">
        No history yet.
      </Text>
    );
  return (
    <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Activity history">
      {activity.data.map((item) => (
        <Text key={item.id} component="li" size="sm">
          <strong>{item.actorName ?? 'Cairn'}</strong> {VERBS[item.action] ?? item.action.replace(/[._-]/g, ' ')}
          {item.via ? ` via ${CHANNEL_LABELS[item.via]}` : ''}
          {detail(item) ? ` — ${detail(item)}` : ''}{' '}
          <Text span size="xs" c="dimmed">
            {when(item.createdAt)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

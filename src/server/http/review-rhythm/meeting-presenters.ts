import type { LoadedMeeting } from '../../services/meetings/meetings.js';
import type { meetingView } from '../../services/meetings/meeting-view.js';
import { iso } from '../schemas.js';

export const presentMeeting = (m: Omit<LoadedMeeting, 'createdAt' | 'createdBy' | 'orgId'>) => ({
  id: m.id,
  seriesId: m.seriesId,
  kind: m.kind,
  title: m.title,
  audience: m.audience,
  teamId: m.teamId,
  startsAt: m.startsAt.toISOString(),
  durationMinutes: m.durationMinutes,
  recurrence: m.recurrence,
  asyncDeadline: iso(m.asyncDeadline),
  participantIds: [...m.participantIds],
});

export const presentAction = <T extends { doneAt: Date | null }>(a: T) => ({ ...a, doneAt: iso(a.doneAt) });

export function presentMeetingPage(view: Awaited<ReturnType<typeof meetingView>>) {
  return {
    ...view,
    meeting: presentMeeting(view.meeting),
    updates: view.updates.map((u) => ({ ...u, postedAt: u.postedAt.toISOString() })),
    notes: view.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    actions: view.actions.map(presentAction),
  };
}

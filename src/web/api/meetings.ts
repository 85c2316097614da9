import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

export type MeetingKind = 'weekly' | 'monthly_deep_dive' | 'quarterly_review' | 'one_on_one';
export type MeetingAudience = 'team' | 'department' | 'company' | 'pair';
export type PartStatus = 'posted' | 'late' | 'missing' | 'overdue';

export interface Meeting {
  id: string;
  seriesId: string;
  kind: MeetingKind;
  title: string;
  audience: MeetingAudience;
  teamId: string | null;
  startsAt: string;
  durationMinutes: number;
  recurrence: 'none' | 'weekly' | 'biweekly' | 'monthly' | 'quarterly';
  asyncDeadline: string | null;
  participantIds: string[];
}

export interface AgendaSection {
  key: string;
  title: string;
  items: { text: string; detail?: string | null; link?: string | null }[];
}

export interface MeetingAction {
  id: string;
  title: string;
  ownerId: string;
  ownerName?: string | null;
  dueDate: string;
  doneAt: string | null;
}

export interface MeetingPageData {
  meeting: Meeting;
  timeZone: string;
  participants: { id: string; name: string; status: PartStatus }[];
  agenda: { cycleId: string | null; sections: AgendaSection[] };
  updates: {
    userId: string;
    authorName: string | null;
    update: string;
    confidence: number | null;
    blockers: string | null;
    commitments: string | null;
    postedAt: string;
  }[];
  notes: { id: string; agendaItem: string; body: string }[];
  decisions: { id: string; decision: string; ownerName?: string | null; decidedOn: string }[];
  actions: MeetingAction[];
  can: { run: boolean; postUpdate: boolean };
}

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  weekly: 'Weekly session',
  monthly_deep_dive: 'Monthly deep dive',
  quarterly_review: 'Quarterly review',
  one_on_one: 'One-on-one',
};

export const meetingKeys = { list: ['meetings'] as const, one: (id: string) => ['meetings', id] as const };

export const useMeetings = () => useQuery({ queryKey: meetingKeys.list, queryFn: () => api<Meeting[]>('/api/v1/meetings') });
export const useMeeting = (id: string) =>
  useQuery({ queryKey: meetingKeys.one(id), queryFn: () => api<MeetingPageData>(`/api/v1/meetings/${id}`) });

export const createMeeting = (body: object) => api<Meeting>('/api/v1/meetings', { method: 'POST', body });
export const postMyUpdate = (id: string, body: object) => api<{ id: string }>(`/api/v1/meetings/${id}/my-update`, { method: 'PUT', body });
export const addMeetingNote = (id: string, body: object) => api<{ id: string }>(`/api/v1/meetings/${id}/notes`, { method: 'POST', body });
export const addMeetingDecision = (id: string, body: object) =>
  api<{ id: string }>(`/api/v1/meetings/${id}/decisions`, { method: 'POST', body });
export const addMeetingAction = (id: string, body: object) =>
  api<{ id: string }>(`/api/v1/meetings/${id}/actions`, { method: 'POST', body });
export const setActionDone = (id: string, done: boolean) =>
  api<MeetingAction>(`/api/v1/meeting-actions/${id}`, { method: 'PATCH', body: { done } });

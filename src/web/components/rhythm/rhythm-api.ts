import { useQuery } from '@tanstack/react-query';
import type { CheckInCadence } from '../../../domain/vocabulary.js';
import { api } from '../../api/client.js';

// Shapes of the rhythm endpoints (src/server/http/rhythm/schema.ts).
export interface Rhythm {
  updateWithinHours: number;
  answerWithinHours: number;
  escalateAfterHours: number;
  digestDay: number;
  digestHour: number;
  timeZone: string;
}

export type Cadence = CheckInCadence;

export interface TeamRhythm {
  id: string;
  name: string;
  checkInCadence: Cadence;
  checkInDay: number;
  checkInHour: number;
  hasWebhook: boolean;
  webhookUrl: string | null;
  slackChannelId: string | null;
  nextDueAt: string;
}

export interface JobInfo {
  name: string;
  description: string;
  lastRun: { periodKey: string; startedAt: string; finishedAt: string | null; result: Record<string, number> | null } | null;
}

export interface JobReport {
  job: string;
  at: string;
  periods: { key: string; ran: boolean; summary?: Record<string, number>; error?: string }[];
  totals: Record<string, number>;
}

export interface OutboxEntry {
  id: string;
  channel: 'email' | 'webhook';
  recipient: string;
  subject: string | null;
  body: string;
  status: 'pending' | 'sent' | 'failed' | 'recorded';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface AttentionItem {
  kind: 'overdue_check_in' | 'unanswered_blocker' | 'unanswered_dependency';
  since: string;
  overdueAt: string;
  who: { id: string; name: string } | null;
  what: string;
  detail: string | null;
  link: string;
}

export const rhythmKeys = {
  rhythm: ['rhythm'] as const,
  teams: ['rhythm', 'teams'] as const,
  jobs: ['rhythm', 'jobs'] as const,
  outbox: ['rhythm', 'outbox'] as const,
  attention: ['attention'] as const,
};

export const useRhythm = () => useQuery({ queryKey: rhythmKeys.rhythm, queryFn: () => api<Rhythm>('/api/v1/organization/rhythm') });
export const useTeamRhythms = () =>
  useQuery({ queryKey: rhythmKeys.teams, queryFn: () => api<TeamRhythm[]>('/api/v1/organization/rhythm/teams') });
export const useJobs = (enabled: boolean) =>
  useQuery({ queryKey: rhythmKeys.jobs, queryFn: () => api<JobInfo[]>('/api/v1/admin/jobs'), enabled });
export const useOutbox = (enabled: boolean) =>
  useQuery({ queryKey: rhythmKeys.outbox, queryFn: () => api<OutboxEntry[]>('/api/v1/admin/outbox?limit=50'), enabled });
export const useAttention = () => useQuery({ queryKey: rhythmKeys.attention, queryFn: () => api<AttentionItem[]>('/api/v1/attention') });

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((label, value) => ({
  value: String(value),
  label,
}));
export const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));
export { when } from '../social/when.js';

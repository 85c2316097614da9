import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { ProgressStatus } from './okr-types.js';

export interface ReportItem {
  kind: string;
  summary: string;
  objectiveId: string;
  objectiveTitle: string;
  link: string;
}

export interface CycleReport {
  cycle: { id: string; name: string; startDate: string; endDate: string };
  team: { id: string; name: string } | null;
  asOf: string;
  progress: number;
  expected: number;
  statusCounts: Record<ProgressStatus, number>;
  objectives: { id: string; title: string; progress: number; expected: number; status: ProgressStatus }[];
  highlights: ReportItem[];
  risks: ReportItem[];
  decisions: { decision: string; ownerName: string | null; decidedOn: string; objectiveId: string | null }[];
  lessons: { text: string; outcome: string | null }[];
}

export interface ReportShare {
  id: string;
  url: string;
  cycleName: string;
  teamName: string | null;
  createdByName: string | null;
  expiresAt: string;
}

export const useCycleReport = (cycleId: string, teamId: string | null) =>
  useQuery({
    queryKey: ['reports', cycleId, teamId],
    queryFn: () => api<CycleReport>(`/api/v1/cycles/${cycleId}/report${teamId ? `?teamId=${teamId}` : ''}`),
  });

export const useSharedReport = (token: string) =>
  useQuery({ queryKey: ['shared-report', token], queryFn: () => api<CycleReport>(`/api/v1/shared-reports/${token}`), retry: false });

export const useReportShares = (enabled: boolean) =>
  useQuery({ queryKey: ['report-shares'], queryFn: () => api<ReportShare[]>('/api/v1/report-shares'), enabled });

export const createReportShare = (body: { cycleId: string; teamId: string | null; days: number }) =>
  api<ReportShare>('/api/v1/report-shares', { method: 'POST', body });
export const revokeReportShare = (id: string) => api<null>(`/api/v1/report-shares/${id}`, { method: 'DELETE' });

export const useInvalidateShares = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['report-shares'] });
};

export const useCalendarFeed = (enabled: boolean) =>
  useQuery({ queryKey: ['calendar-feed'], queryFn: () => api<{ url: string }>('/api/v1/me/calendar-feed'), enabled });
export const revokeCalendarFeed = () => api<null>('/api/v1/me/calendar-feed', { method: 'DELETE' });

export interface ReportSchedule {
  id: string;
  cycleId: string;
  cycleName: string;
  teamId: string | null;
  teamName: string | null;
  recipients: string[];
  cadence: 'weekly' | 'monthly';
  day: number;
  hour: number;
  createdByName: string | null;
}

export const useReportSchedules = () =>
  useQuery({ queryKey: ['report-schedules'], queryFn: () => api<ReportSchedule[]>('/api/v1/report-schedules') });

export const createReportSchedule = (body: {
  cycleId: string;
  teamId: string | null;
  recipients: string[];
  cadence: 'weekly' | 'monthly';
  day: number;
  hour: number;
}) => api<ReportSchedule>('/api/v1/report-schedules', { method: 'POST', body });
export const deleteReportSchedule = (id: string) => api<null>(`/api/v1/report-schedules/${id}`, { method: 'DELETE' });

export const useInvalidateSchedules = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['report-schedules'] });
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export type LessonOutcome = 'achieved' | 'partially' | 'missed';

export interface FoundLesson {
  id: string;
  text: string;
  tags: string[];
  teamName: string | null;
  cycleName: string;
  objectiveId: string | null;
  objectiveTitle: string | null;
  outcome: LessonOutcome | null;
  authorName: string | null;
  sourceKind: 'closing_note' | 'retrospective';
  highlight: { text: string; match: boolean }[];
}

export interface LessonFilters {
  q?: string;
  match?: 'all' | 'any';
  teamId?: string;
  cycleId?: string;
  outcome?: string;
  tag?: string;
  limit?: number;
}

const query = (filters: LessonFilters) =>
  new URLSearchParams(
    Object.entries(filters).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]])),
  ).toString();

export const useLessons = (filters: LessonFilters, enabled = true) =>
  useQuery({
    queryKey: ['lessons', filters],
    queryFn: () => api<FoundLesson[]>(`/api/v1/lessons?${query(filters)}`),
    enabled,
    placeholderData: (previous) => previous,
  });

export interface Share {
  count: number;
  achieved: number;
  partially: number;
  missed: number;
  achievedShare: number | null;
  meanScore: number | null;
  shareAtLeast07: number | null;
}

export interface Calibration {
  count: number;
  brier: number | null;
}

export interface Evaluation {
  cycleName: string;
  final: boolean;
  committed: Share;
  aspirational: Share;
  keyResultBands: { low: number; middle: number; high: number };
  tooSafe: { aspirational: number; perfect: number; tooSafe: boolean };
  checkIns: { due: number; onTime: number; onTimeShare: number | null };
  calibration: {
    cycle: Calibration;
    midpoint: string;
    byPerson: (Calibration & { id: string; name: string | null })[];
    byTeam: (Calibration & { id: string; name: string | null })[];
    reliability: { label: string; count: number; meanForecast: number | null; reachedShare: number | null }[];
  };
  previous: {
    cycleId: string;
    cycleName: string;
    committedAchievedShare: number | null;
    aspirationalMeanScore: number | null;
    checkInsOnTimeShare: number | null;
    brier: number | null;
  }[];
}

export const useEvaluation = (cycleId: string, teamId: string | null) =>
  useQuery({
    queryKey: ['evaluation', cycleId, teamId],
    queryFn: () => api<Evaluation>(`/api/v1/cycles/${cycleId}/evaluation${teamId ? `?teamId=${teamId}` : ''}`),
  });

export interface RetroAction {
  id: string;
  text: string;
  ownerId: string;
  ownerName?: string;
  dueDate: string;
  done: boolean;
}

export interface Retrospective {
  id: string;
  cycleId: string;
  teamId: string;
  teamName: string;
  objectiveTitle: string | null;
  state: string;
  participants: { id: string; name: string }[];
  actions: RetroAction[];
  can: { edit: boolean; invite: boolean; addAction: boolean };
}

export const retroKeys = { cycle: (id: string) => ['retrospectives', id] as const, one: (id: string) => ['retrospective', id] as const };

export const useCycleRetrospectives = (cycleId: string) =>
  useQuery({
    queryKey: retroKeys.cycle(cycleId),
    queryFn: () =>
      api<{ retrospectives: Retrospective[]; missingTeams: { teamId: string; teamName: string }[] }>(
        `/api/v1/cycles/${cycleId}/retrospectives`,
      ),
  });

export const fetchRetrospective = (id: string) => api<Retrospective>(`/api/v1/retrospectives/${id}`);
export const useRetrospective = (id: string) => useQuery({ queryKey: retroKeys.one(id), queryFn: () => fetchRetrospective(id) });
export const sendRetrospectiveUpdate = (id: string, update: string) =>
  api<{ updatedAt: string }>(`/api/v1/retrospectives/${id}/updates`, { method: 'POST', body: { update } });

export function useOpenRetrospective(cycleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (teamId: string) => api<Retrospective>(`/api/v1/cycles/${cycleId}/retrospectives`, { method: 'POST', body: { teamId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: retroKeys.cycle(cycleId) }),
  });
}

export function useRetrospectiveChange<T>(id: string, send: (body: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: retroKeys.one(id) }) });
}

export const inviteToRetrospective = (id: string, userId: string) =>
  api<void>(`/api/v1/retrospectives/${id}/participants`, { method: 'POST', body: { userId } });
export const addRetrospectiveAction = (id: string, body: { text: string; ownerId: string; dueDate: string }) =>
  api<RetroAction>(`/api/v1/retrospectives/${id}/actions`, { method: 'POST', body });
export const setRetrospectiveActionDone = (actionId: string, done: boolean) =>
  api<RetroAction>(`/api/v1/retrospective-actions/${actionId}`, { method: 'PATCH', body: { done } });

export interface MyAction {
  id: string;
  text: string;
  dueDate: string;
  retrospectiveId: string;
  teamName: string;
  cycleName: string;
}

export const useMyActions = () =>
  useQuery({ queryKey: ['my-actions'], queryFn: () => api<MyAction[]>('/api/v1/retrospective-actions/mine') });

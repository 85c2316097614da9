import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

export type LeaderboardMeasure = 'pace' | 'discipline' | 'improvement';
export interface LeaderboardSettings {
  enabled: boolean;
  measure: LeaderboardMeasure;
  hideNames: boolean;
}

export interface Leaderboard {
  cycleId: string;
  asOf: string;
  settings: LeaderboardSettings;
  entries: { rank: number | null; teamId: string; name: string; value: number | null; yours: boolean }[];
  wins: {
    objectiveId: string;
    objectiveTitle: string;
    keyResultId: string;
    keyResultTitle: string;
    teamId: string | null;
    teamName: string | null;
  }[];
  can: { manage: boolean };
}

export const useLeaderboard = (cycleId: string | null) =>
  useQuery({
    queryKey: ['leaderboard', cycleId],
    enabled: Boolean(cycleId),
    queryFn: () => api<Leaderboard>(`/api/v1/cycles/${cycleId}/leaderboard`),
  });

export function useSaveLeaderboardSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<LeaderboardSettings>) => api<LeaderboardSettings>('/api/v1/leaderboard/settings', { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leaderboard'] }),
  });
}

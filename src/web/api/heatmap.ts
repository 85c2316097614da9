import { useQuery } from '@tanstack/react-query';
import type { AlignmentHealth } from './across.js';
import { api } from './client.js';
import type { ProgressStatus } from './okr-types.js';

export interface HeatmapTeam {
  teamId: string;
  name: string;
  departmentId: string | null;
  objectives: number;
  statusCounts: Record<ProgressStatus, number>;
  progress: number;
  expectedProgress: number;
  paceGap: number;
  checkIns: { due: number; onTime: number; onTimeShare: number | null };
  qualityScore: number;
  alignmentHealth: AlignmentHealth;
}

export interface Heatmap {
  cycleId: string;
  asOf: string;
  departments: { departmentId: string | null; name: string; teams: HeatmapTeam[] }[];
  alignmentHealth: AlignmentHealth;
}

export const useHeatmap = (cycleId: string | null, asOf: string | null) =>
  useQuery({
    queryKey: ['heatmap', cycleId, asOf],
    enabled: Boolean(cycleId),
    queryFn: () => api<Heatmap>(`/api/v1/cycles/${cycleId}/heatmap${asOf ? `?asOf=${asOf}` : ''}`),
  });

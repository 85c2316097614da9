import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

/** GET /cycles/{id}/department-map: who supports whom across departments, gaps and overlaps. */
export interface DepartmentMap {
  cycleId: string;
  /** Each placed by the server's layered layout (`x`, `y`: top-left corner), supporters above the supported. */
  departments: { id: string; name: string; kind: 'department' | 'team'; objectiveCount: number; gap: boolean; x: number; y: number }[];
  edges: { from: string; to: string; alignments: number; contributions: number; dependencies: number; weight: number }[];
  /** Every overlapping pair; `overlaps` lists the closest 100. */
  overlapsTotal: number;
  overlaps: { similarity: number; objectives: { id: string; title: string; teamId: string; teamName: string }[] }[];
}

export const useDepartmentMap = (cycleId: string | null) =>
  useQuery({
    queryKey: ['department-map', cycleId],
    enabled: Boolean(cycleId),
    queryFn: () => api<DepartmentMap>(`/api/v1/cycles/${cycleId}/department-map`),
  });

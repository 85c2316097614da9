import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { CheckIn, Cycle, CycleSummary, Objective, TreeNode } from './okr-types.js';

export const okrKeys = {
  cycles: ['cycles'] as const,
  cycle: (id: string) => ['cycles', id] as const,
  tree: (cycleId: string) => ['tree', cycleId] as const,
  objectives: ['objectives'] as const,
  objective: (id: string) => ['objectives', id] as const,
  checkIns: (keyResultId: string) => ['check-ins', keyResultId] as const,
};

/** Everything that shows progress: refreshed together after any OKR write, so numbers never disagree on screen. */
export const progressKeys = [['tree'], ['objectives'], ['cycles'], ['check-ins'], ['my-objectives']] as const;

export const useCycles = () => useQuery({ queryKey: okrKeys.cycles, queryFn: () => api<Cycle[]>('/api/v1/cycles') });
export const useCycle = (id: string | null) =>
  useQuery({ queryKey: okrKeys.cycle(id ?? ''), queryFn: () => api<Cycle & { summary: CycleSummary }>(`/api/v1/cycles/${id}`), enabled: Boolean(id) });
export const useTree = (cycleId: string | null) =>
  useQuery({ queryKey: okrKeys.tree(cycleId ?? ''), queryFn: () => api<{ roots: TreeNode[] }>(`/api/v1/cycles/${cycleId}/tree?depth=20`), enabled: Boolean(cycleId) });
export const useObjective = (id: string) => useQuery({ queryKey: okrKeys.objective(id), queryFn: () => api<Objective>(`/api/v1/objectives/${id}`) });
export const useCycleObjectives = (cycleId: string | null) =>
  useQuery({ queryKey: [...okrKeys.objectives, 'cycle', cycleId], queryFn: () => api<Objective[]>(`/api/v1/objectives?cycleId=${cycleId}`), enabled: Boolean(cycleId) });
export const useCheckIns = (keyResultId: string, enabled = true) =>
  useQuery({ queryKey: okrKeys.checkIns(keyResultId), queryFn: () => api<CheckIn[]>(`/api/v1/key-results/${keyResultId}/check-ins`), enabled });

/** The cycle to show by default: the active one containing today, else the latest non-closed, else the latest. */
export function defaultCycle(cycles: Cycle[], today = new Date().toISOString().slice(0, 10)): Cycle | undefined {
  return (
    cycles.find((c) => c.status === 'active' && c.startDate <= today && today <= c.endDate) ??
    [...cycles].reverse().find((c) => c.status !== 'closed') ??
    cycles[cycles.length - 1]
  );
}

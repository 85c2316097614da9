import { keepPreviousData, queryOptions, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from './client.js';
import type { CheckIn, Cycle, CycleSummary, Objective, TreeNode } from './okr-types.js';
import { defaultCycle as pickDefaultCycle } from '../../domain/default-cycle.js';

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

// The queries index.html may have preloaded the answers of are also asked for as the app starts (preloaded-answers.ts).
export const cyclesQuery = () => queryOptions({ queryKey: okrKeys.cycles, queryFn: () => api<Cycle[]>('/api/v1/cycles') });
export const cycleQuery = (id: string | null) =>
  queryOptions({
    queryKey: okrKeys.cycle(id ?? ''),
    queryFn: () => api<Cycle & { summary: CycleSummary }>(`/api/v1/cycles/${id}`),
    enabled: Boolean(id),
  });
export const useCycles = () => useQuery(cyclesQuery());
export const useCycle = (id: string | null) => useQuery(cycleQuery(id));
/** Levels of the tree fetched at once: the page opens on them, and an opened branch brings as many more. */
export const TREE_LEVELS = 2;
/** `&asOf=…` for time travel, or nothing for today. */
const asOfParam = (asOf?: string | null) => (asOf ? `&asOf=${asOf}` : '');

/** The top of a cycle's tree. A cycle of a large organisation has ten thousand objectives: the page opens on the top levels only. */
export const treeTopQuery = (cycleId: string | null, asOf?: string | null) =>
  queryOptions({
    queryKey: [...okrKeys.tree(cycleId ?? ''), 'top', asOf ?? null],
    queryFn: () => api<{ roots: TreeNode[] }>(`/api/v1/cycles/${cycleId}/tree?depth=${TREE_LEVELS}${asOfParam(asOf)}`),
    enabled: Boolean(cycleId),
  });
export const useTree = (cycleId: string | null, asOf?: string | null) => useQuery(treeTopQuery(cycleId, asOf));

export interface TreeSearch {
  q: string;
  teamId: string | null;
  ownerId: string | null;
  type: string | null;
  progressStatus: string | null;
}

/** The server's search of the whole cycle: the matches at any depth and the paths to them. */
export const useTreeSearch = (cycleId: string | null, search: TreeSearch, enabled: boolean, asOf?: string | null) =>
  useQuery({
    queryKey: [...okrKeys.tree(cycleId ?? ''), 'search', search, asOf ?? null],
    queryFn: () => {
      const params = new URLSearchParams(Object.entries(search).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])));
      return api<{ roots: TreeNode[] }>(`/api/v1/cycles/${cycleId}/tree?${params.toString()}${asOfParam(asOf)}`);
    },
    enabled: Boolean(cycleId) && enabled,
    // The previous results stay on screen while the next search runs.
    placeholderData: keepPreviousData,
  });
// Module-level so TanStack Query keeps the combined Map while no branch changed.
const branchesById = (results: UseQueryResult<{ roots: TreeNode[] }>[]) =>
  new Map(results.flatMap((r) => (r.data?.roots[0] ? [[r.data.roots[0].id, r.data.roots[0]] as const] : [])));

/** Branches of the tree below its top levels, by objective id, fetched when they are opened. */
export const useTreeBranches = (cycleId: string | null, objectiveIds: readonly string[], asOf?: string | null) =>
  useQueries({
    queries: objectiveIds.map((id) => ({
      queryKey: [...okrKeys.tree(cycleId ?? ''), 'branch', id, asOf ?? null],
      queryFn: () => api<{ roots: TreeNode[] }>(`/api/v1/cycles/${cycleId}/tree?rootId=${id}&depth=${TREE_LEVELS}${asOfParam(asOf)}`),
      enabled: Boolean(cycleId),
    })),
    combine: branchesById,
  });
export const useObjective = (id: string, asOf?: string | null) =>
  useQuery({
    queryKey: asOf ? [...okrKeys.objective(id), 'asOf', asOf] : okrKeys.objective(id),
    queryFn: () => api<Objective>(`/api/v1/objectives/${id}${asOf ? `?asOf=${asOf}` : ''}`),
  });
export const useCycleObjectives = (cycleId: string | null, enabled = true) =>
  useQuery({
    queryKey: [...okrKeys.objectives, 'cycle', cycleId],
    queryFn: () => api<Objective[]>(`/api/v1/objectives?cycleId=${cycleId}`),
    enabled: enabled && Boolean(cycleId),
  });
export const useCheckIns = (keyResultId: string, enabled = true) =>
  useQuery({
    queryKey: okrKeys.checkIns(keyResultId),
    queryFn: () => api<CheckIn[]>(`/api/v1/key-results/${keyResultId}/check-ins`),
    enabled,
  });

/** The cycle to show by default (domain/default-cycle.ts), today in UTC as the server's preloads decide it. */
export const defaultCycle = (cycles: Cycle[], today = new Date().toISOString().slice(0, 10)): Cycle | undefined =>
  pickDefaultCycle(cycles, today);

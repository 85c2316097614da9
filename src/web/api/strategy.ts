import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { ProgressStatus } from './okr-types.js';

interface Owned {
  ownerId: string | null;
  ownerName: string | null;
}

export interface ServingObjective extends Owned {
  id: string;
  title: string;
  teamId: string | null;
  annualObjectiveId: string | null;
  progress: number;
  expectedProgress: number;
  progressStatus: ProgressStatus;
}

export interface AnnualObjective extends Owned {
  id: string;
  title: string;
  year: number;
  objectiveCount: number;
  progress: number | null;
}

/** A pillar and how it is doing in a cycle (see `pillarView` on the server). */
export interface Pillar extends Owned {
  id: string;
  name: string;
  narrative: string | null;
  position: number;
  objectiveCount: number;
  statusCounts: Record<ProgressStatus, number>;
  progress: number | null;
  expectedProgress: number | null;
  paceGap: number | null;
  unserved: boolean;
  annualObjectives: AnnualObjective[];
  objectives: ServingObjective[];
}

/** GET /pillars/{id}: the pillar and what the reader may do to it. */
export interface PillarPage extends Pillar {
  can: { edit: boolean };
}

export interface Strategy {
  cycleId: string;
  year: number;
  mission: string | null;
  vision: string | null;
  pillars: Pillar[];
  companyObjectivesWithoutPillar: ServingObjective[];
  can: { edit: boolean; leaderboard: boolean };
}

/** Every strategy query shares this prefix: one change refreshes the page, the pillar and the objective form. */
export const strategyKeys = {
  all: ['strategy'] as const,
  overview: (cycleId: string | null) => ['strategy', cycleId] as const,
  pillar: (id: string, cycleId: string | null) => ['strategy', 'pillar', id, cycleId] as const,
};

export const useStrategy = (cycleId: string | null) =>
  useQuery({
    queryKey: strategyKeys.overview(cycleId),
    enabled: Boolean(cycleId),
    queryFn: () => api<Strategy>(`/api/v1/strategy?cycleId=${cycleId}`),
  });

export const usePillar = (id: string, cycleId: string | null) =>
  useQuery({
    queryKey: strategyKeys.pillar(id, cycleId),
    enabled: Boolean(cycleId),
    queryFn: () => api<PillarPage>(`/api/v1/pillars/${id}?cycleId=${cycleId}`),
  });

export const saveNarrative = (body: { mission: string | null; vision: string | null }) =>
  api<{ mission: string | null; vision: string | null }>('/api/v1/strategy', { method: 'PUT', body });

export const createPillar = (body: { name: string; narrative: string | null; ownerId: string | null }) =>
  api<{ id: string }>('/api/v1/pillars', { method: 'POST', body });

export const updatePillar = (id: string, body: { name?: string; narrative?: string | null; ownerId?: string | null }) =>
  api<{ id: string }>(`/api/v1/pillars/${id}`, { method: 'PATCH', body });

export const deletePillar = (id: string) => api<void>(`/api/v1/pillars/${id}`, { method: 'DELETE' });

export const createAnnualObjective = (body: { pillarId: string; year: number; title: string }) =>
  api<{ id: string }>('/api/v1/annual-objectives', { method: 'POST', body });

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  maturityView,
  phaseChange,
  phaseView,
  programmeView,
  settingsView,
  teamChange,
  teamView,
} from '../../server/http/rollout/schema.js';
import type { rolloutObjectivesView } from '../../server/http/rollout/objective-routes.js';
import { api } from './client.js';

export type Programme = z.infer<typeof programmeView>;
export type PhaseView = z.infer<typeof phaseView>;
export type RolloutTeam = z.infer<typeof teamView>;
export type ProgrammeSettings = z.infer<typeof settingsView>;

export const programmeKey = ['rollout', 'programme'] as const;

export const useProgramme = (enabled: boolean) =>
  useQuery({ queryKey: programmeKey, queryFn: () => api<Programme>('/api/v1/rollout'), enabled });

export type PhaseChange = z.input<typeof phaseChange>;
export const updatePhase = ({ phase, ...change }: { phase: PhaseView['phase'] } & PhaseChange) =>
  api<PhaseView>(`/api/v1/rollout/phases/${phase}`, { method: 'PUT', body: change });
export const setRolloutTeam = (members: z.input<typeof teamChange>['members']) =>
  api<RolloutTeam>('/api/v1/rollout/team', { method: 'PUT', body: { members } });
export const updateProgrammeSettings = (change: Partial<ProgrammeSettings>) =>
  api<ProgrammeSettings>('/api/v1/rollout/settings', { method: 'PATCH', body: change });

export type Maturity = z.infer<typeof maturityView>;
export const maturityKey = ['rollout', 'maturity'] as const;
export const useMaturity = (enabled: boolean) =>
  useQuery({ queryKey: maturityKey, queryFn: () => api<Maturity>('/api/v1/rollout/maturity'), enabled });
export const moveMaturity = (level: Maturity['level']) => api<Maturity>('/api/v1/rollout/maturity', { method: 'PUT', body: { level } });

export type RolloutObjectives = z.infer<typeof rolloutObjectivesView>;
export const rolloutObjectiveKey = ['rollout', 'objective'] as const;
export const useRolloutObjectives = (enabled: boolean) =>
  useQuery({ queryKey: rolloutObjectiveKey, queryFn: () => api<RolloutObjectives>('/api/v1/rollout/objective'), enabled });
export const createRolloutObjective = (cycleId: string) =>
  api<{ objectiveId: string; proposed: number }>('/api/v1/rollout/objective', { method: 'POST', body: { cycleId } });
export const refreshRolloutValues = () => api<{ proposed: number }>('/api/v1/rollout/objective/refresh', { method: 'POST', body: {} });

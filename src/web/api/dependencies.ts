import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { ProgressStatus } from './okr-types.js';

export type DependencyStatus = 'requested' | 'accepted' | 'declined';

/** A dependency as the API presents it (see `dependencyView` on the server). */
export interface Dependency {
  id: string;
  objectiveId: string;
  objectiveTitle: string;
  keyResultId: string | null;
  requestingTeamId: string | null;
  requestingTeamName: string | null;
  providingTeamId: string;
  providingTeamName: string;
  providingObjectiveId: string | null;
  providingObjectiveTitle: string | null;
  providingKeyResultId: string | null;
  description: string;
  neededBy: string;
  status: DependencyStatus;
  answerNote: string | null;
  answeredAt: string | null;
  createdAt: string;
  answerDueAt: string;
  overdue: boolean;
  providerStatus: ProgressStatus | null;
  atRisk: boolean;
  can: { answer: boolean };
}

export interface TeamRegister {
  teamId: string;
  weNeed: Dependency[];
  theyNeed: Dependency[];
}

export interface DependencyRequestInput {
  teamId: string;
  objectiveId: string | null;
  description: string;
  neededBy: string;
}

/** Every dependency query shares this prefix, so one change refreshes the objective's list and the registers. */
export const dependencyKeys = {
  all: ['dependencies'] as const,
  objective: (id: string, asOf: string | null) => ['dependencies', 'objective', id, asOf] as const,
  team: (id: string) => ['dependencies', 'team', id] as const,
};

const asOfParam = (asOf: string | null) => (asOf ? `?asOf=${asOf}` : '');

export const useObjectiveDependencies = (objectiveId: string, asOf: string | null) =>
  useQuery({
    queryKey: dependencyKeys.objective(objectiveId, asOf),
    queryFn: () => api<Dependency[]>(`/api/v1/objectives/${objectiveId}/dependencies${asOfParam(asOf)}`),
  });

export const useTeamRegister = (teamId: string) =>
  useQuery({
    queryKey: dependencyKeys.team(teamId),
    queryFn: () => api<TeamRegister>(`/api/v1/teams/${teamId}/dependencies`),
  });

export const requestDependency = (objectiveId: string, body: DependencyRequestInput) =>
  api<Dependency>(`/api/v1/objectives/${objectiveId}/dependencies`, { method: 'POST', body });

export const answerDependency = (id: string, body: { status: 'accepted' | 'declined'; note: string | null }) =>
  api<Dependency>(`/api/v1/dependencies/${id}`, { method: 'PATCH', body });

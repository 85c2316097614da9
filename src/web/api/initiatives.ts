import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  initiativeCreate,
  initiativeListView,
  initiativePatch,
  initiativeView,
  myInitiativeView,
} from '../../server/http/initiatives/schema.js';
import { api } from './client.js';

export type Initiative = z.infer<typeof initiativeView>;
export type InitiativeList = z.infer<typeof initiativeListView>;
export type MyInitiative = z.infer<typeof myInitiativeView>;
export type InitiativeInput = z.input<typeof initiativeCreate>;
export type InitiativeStatus = Initiative['status'];

export const initiativeKeys = {
  all: ['initiatives'] as const,
  ofKeyResult: (keyResultId: string) => ['initiatives', 'key-result', keyResultId] as const,
  mine: ['initiatives', 'mine'] as const,
};

export const useInitiatives = (keyResultId: string, enabled = true) =>
  useQuery({
    enabled,
    queryKey: initiativeKeys.ofKeyResult(keyResultId),
    queryFn: () => api<InitiativeList>(`/api/v1/key-results/${keyResultId}/initiatives`),
  });
export const useMyInitiatives = () =>
  useQuery({ queryKey: initiativeKeys.mine, queryFn: () => api<MyInitiative[]>('/api/v1/me/initiatives') });

export const createInitiative = (keyResultId: string, body: InitiativeInput) =>
  api<Initiative>(`/api/v1/key-results/${keyResultId}/initiatives`, { method: 'POST', body });
export const updateInitiative = (id: string, body: z.input<typeof initiativePatch>) =>
  api<Initiative>(`/api/v1/initiatives/${id}`, { method: 'PATCH', body });
export const deleteInitiative = (id: string) => api<void>(`/api/v1/initiatives/${id}`, { method: 'DELETE' });
export const setDrivenByInitiatives = (keyResultId: string, driven: boolean) =>
  api<{ driven: boolean }>(`/api/v1/key-results/${keyResultId}/initiative-drive`, { method: 'PUT', body: { driven } });

export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { adoptionGroup, adoptionView } from '../../server/http/adoption/schema.js';
import type { AdoptionScreen } from '../../domain/vocabulary.js';
import { api } from './client.js';

export type AdoptionReport = z.infer<typeof adoptionView>;
export type AdoptionGroup = z.infer<typeof adoptionGroup>;

export const useAdoption = (range: { from: string; to: string }, enabled: boolean) =>
  useQuery({
    queryKey: ['adoption', range.from, range.to],
    queryFn: () => api<AdoptionReport>(`/api/v1/adoption?${new URLSearchParams(range).toString()}`),
    enabled,
  });

/** Adds minutes of active use to the caller's team's weekly sum (nothing names the person). */
export const reportMinutes = (screen: AdoptionScreen, minutes: number) =>
  api<{ counted: boolean }>('/api/v1/adoption/time', { method: 'POST', body: { screen, minutes } });

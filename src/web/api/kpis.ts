import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { kpiCreate, kpiValueBody, kpiValueView, kpiView } from '../../server/http/kpis/schema.js';
import { api } from './client.js';

export type Kpi = z.infer<typeof kpiView>;
export type KpiValue = z.infer<typeof kpiValueView>;
export type KpiInput = z.input<typeof kpiCreate>;
export type KpiValueInput = z.input<typeof kpiValueBody>;

/** Which board: one team's, the company's, or every KPI. */
export type KpiBoardFilter = { teamId: string } | { company: true } | Record<string, never>;

export const kpiKeys = {
  all: ['kpis'] as const,
  board: (filter: KpiBoardFilter) => ['kpis', 'board', filter] as const,
  one: (id: string) => ['kpis', 'one', id] as const,
  values: (id: string) => ['kpis', 'values', id] as const,
};

const query = (filter: KpiBoardFilter) => new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)])).toString();

export const useKpiBoard = (filter: KpiBoardFilter) =>
  useQuery({ queryKey: kpiKeys.board(filter), queryFn: () => api<Kpi[]>(`/api/v1/kpis?${query(filter)}`) });
export const useKpi = (id: string) => useQuery({ queryKey: kpiKeys.one(id), queryFn: () => api<Kpi>(`/api/v1/kpis/${id}`) });
export const useKpiValues = (id: string) =>
  useQuery({ queryKey: kpiKeys.values(id), queryFn: () => api<KpiValue[]>(`/api/v1/kpis/${id}/values`) });

export const createKpi = (body: KpiInput) => api<Kpi>('/api/v1/kpis', { method: 'POST', body });
export const addKpiValue = (id: string, body: KpiValueInput) => api<KpiValue>(`/api/v1/kpis/${id}/values`, { method: 'POST', body });
export const deleteKpiValue = (id: string, valueId: string) => api<void>(`/api/v1/kpis/${id}/values/${valueId}`, { method: 'DELETE' });
export const acceptRecovery = (recoveryId: string) =>
  api<{ objectiveId: string; status: string }>(`/api/v1/kpi-recoveries/${recoveryId}/accept`, { method: 'POST' });

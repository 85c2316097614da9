import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

/** A metric that may take pushed values: a KPI or a metric/threshold key result. */
export type Metric = { kind: 'kpis' | 'key-results'; id: string };

export interface IngestToken {
  id: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  createdByName: string | null;
}
export interface IssuedToken {
  id: string;
  label: string | null;
  token: string;
}
export interface Proposal {
  id: string;
  keyResultId: string;
  value: number;
  asOf: string;
  source: string;
  status: 'proposed' | 'confirmed' | 'dismissed';
  checkInId: string | null;
  createdAt: string;
}
export interface Judgement {
  confidence: number | null;
  note: string | null;
  blockers: string | null;
}
export interface BulkPreview {
  rows: { line: number; asOf: string; value: number; note: string | null; replaces: boolean }[];
  errors: { line: number; field: 'asOf' | 'value'; message: string }[];
  applied: boolean;
}
export interface KeyResultKpiLink {
  link: { kpiId: string; kpiName: string; followsKpi: boolean } | null;
  canEdit: boolean;
}

export const ingestKeys = {
  tokens: (metric: Metric) => ['ingest-tokens', metric.kind, metric.id] as const,
  proposals: (keyResultId: string) => ['proposals', keyResultId] as const,
  kpiLink: (keyResultId: string) => ['key-result-kpi', keyResultId] as const,
};

export const useIngestTokens = (metric: Metric) =>
  useQuery({ queryKey: ingestKeys.tokens(metric), queryFn: () => api<IngestToken[]>(`/api/v1/${metric.kind}/${metric.id}/ingest-tokens`) });
export const issueToken = (metric: Metric, label: string | null) =>
  api<IssuedToken>(`/api/v1/${metric.kind}/${metric.id}/ingest-tokens`, { method: 'POST', body: { label } });
export const revokeToken = (id: string) => api<void>(`/api/v1/ingest-tokens/${id}`, { method: 'DELETE' });

export const useProposals = (keyResultId: string) =>
  useQuery({ queryKey: ingestKeys.proposals(keyResultId), queryFn: () => api<Proposal[]>(`/api/v1/key-results/${keyResultId}/proposals`) });
export const confirmProposal = (id: string, body: Judgement) => api<unknown>(`/api/v1/proposals/${id}/confirm`, { method: 'POST', body });
export const dismissProposal = (id: string) => api<Proposal>(`/api/v1/proposals/${id}/dismiss`, { method: 'POST', body: {} });

export const importKpiValues = (kpiId: string, body: { text: string; source: 'paste' | 'csv'; dryRun: boolean }) =>
  api<BulkPreview>(`/api/v1/kpis/${kpiId}/values/import`, { method: 'POST', body });

export const useKeyResultKpi = (keyResultId: string) =>
  useQuery({ queryKey: ingestKeys.kpiLink(keyResultId), queryFn: () => api<KeyResultKpiLink>(`/api/v1/key-results/${keyResultId}/kpi`) });
export const linkKpi = (keyResultId: string, body: { kpiId: string; followsKpi: boolean }) =>
  api<KeyResultKpiLink>(`/api/v1/key-results/${keyResultId}/kpi`, { method: 'PUT', body });
export const unlinkKpi = (keyResultId: string) => api<void>(`/api/v1/key-results/${keyResultId}/kpi`, { method: 'DELETE' });

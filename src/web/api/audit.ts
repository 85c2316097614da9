import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import { useApiMutation } from './queries.js';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

export interface AuditVerdict {
  ok: boolean;
  checked: number;
  headSeq: number;
  anchorSeq: number;
  seq?: number;
  problem?: 'altered' | 'removed';
  message?: string;
}

/** Filters as the API takes them: `from`/`to` are ISO instants, `before` the page cursor. */
export interface AuditQuery {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

export const auditKeys = { all: ['audit'] as const, settings: ['audit', 'settings'] as const };

const queryString = (query: AuditQuery) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const useAuditEntries = (query: AuditQuery) =>
  useQuery({ queryKey: [...auditKeys.all, 'entries', query], queryFn: () => api<AuditEntry[]>(`/api/v1/audit${queryString(query)}`) });

/** The CSV of the same filters (every page), downloaded by the browser from the API. */
export const auditExportUrl = ({ before: _before, limit: _limit, ...filters }: AuditQuery) => `/api/v1/audit/export${queryString(filters)}`;

export const useAuditSettings = () =>
  useQuery({ queryKey: auditKeys.settings, queryFn: () => api<{ retentionDays: number | null }>('/api/v1/audit/settings') });

export const useSaveRetention = () =>
  useApiMutation(
    (retentionDays: number | null) =>
      api<{ retentionDays: number | null; pruned: number }>('/api/v1/audit/settings', { method: 'PUT', body: { retentionDays } }),
    [auditKeys.all],
  );

export const useVerifyChain = () => useApiMutation(() => api<AuditVerdict>('/api/v1/audit/verify', { method: 'POST' }), []);

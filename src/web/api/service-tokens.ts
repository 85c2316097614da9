import { useQuery } from '@tanstack/react-query';
import type { TokenBody } from '../components/tokens/TokenCreateForm.js';
import { api } from './client.js';
import { useApiMutation } from './queries.js';
import type { ApiToken, ServiceToken } from './types.js';

const key = ['service-tokens'] as const;

export const useServiceTokens = (enabled: boolean) =>
  useQuery({ queryKey: key, queryFn: () => api<ServiceToken[]>('/api/v1/service-tokens'), enabled });

export const useCreateServiceToken = () =>
  useApiMutation((body: TokenBody) => api<ApiToken>('/api/v1/service-tokens', { method: 'POST', body }), [key]);

export const useRevokeServiceToken = () => useApiMutation((id: string) => api(`/api/v1/service-tokens/${id}`, { method: 'DELETE' }), [key]);

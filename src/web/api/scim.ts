import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { scimTokenBody, scimTokenCreated, scimTokenList } from '../../server/http/scim/token-schema.js';
import { api } from './client.js';
import { useApiMutation } from './queries.js';

export type ScimTokens = z.infer<typeof scimTokenList>;
export type CreatedScimToken = z.infer<typeof scimTokenCreated>;
type ScimTokenInput = z.input<typeof scimTokenBody>;

const key = ['scim-tokens'] as const;

export const useScimTokens = () => useQuery({ queryKey: key, queryFn: () => api<ScimTokens>('/api/v1/scim-tokens') });

export const useCreateScimToken = () =>
  useApiMutation((body: ScimTokenInput) => api<CreatedScimToken>('/api/v1/scim-tokens', { method: 'POST', body }), [key]);

export const useRevokeScimToken = () => useApiMutation((id: string) => api(`/api/v1/scim-tokens/${id}`, { method: 'DELETE' }), [key]);

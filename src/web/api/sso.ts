import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

export interface SsoGroupMapping {
  group: string;
  teamId?: string;
  role?: 'admin' | 'champion' | 'member';
}

export interface SsoConfig {
  configured: boolean;
  callbackUrl: string;
  providerId?: string;
  name?: string;
  issuer?: string;
  clientId?: string;
  clientSecretSet?: boolean;
  allowedDomains?: string[];
  passwordSignIn?: boolean;
  groupMappings?: SsoGroupMapping[];
}

export interface SsoConfigInput {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  allowedDomains: string[];
  passwordSignIn: boolean;
  groupMappings: SsoGroupMapping[];
}

export const ssoConfigKey = ['organization', 'sso'] as const;

export const useSsoConfig = () => useQuery({ queryKey: ssoConfigKey, queryFn: () => api<SsoConfig>('/api/v1/organization/sso') });

export const saveSsoConfig = (input: SsoConfigInput) => api<SsoConfig>('/api/v1/organization/sso', { method: 'PUT', body: input });

export const removeSsoConfig = () => api<null>('/api/v1/organization/sso', { method: 'DELETE' });

export const useSignInProviders = () =>
  useQuery({
    queryKey: ['sso', 'providers'],
    queryFn: () => api<{ providers: { providerId: string; name: string }[] }>('/api/v1/sso/providers'),
  });

/** Starts single sign-on: Better Auth answers with the identity provider's address to go to. */
export async function startSso(providerId: string): Promise<void> {
  const { url } = await api<{ url: string }>('/api/auth/sign-in/sso', { method: 'POST', body: { providerId } });
  window.location.assign(url);
}

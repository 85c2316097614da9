import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { groupMapping, signInProvidersView, ssoConfigBody, ssoConfigView } from '../../server/http/sso/schema.js';
import type { samlConfigBody } from '../../server/http/sso/saml-schema.js';
import { api } from './client.js';

export type SsoGroupMapping = z.infer<typeof groupMapping>;
export type SsoConfig = z.infer<typeof ssoConfigView>;
export type SsoConfigInput = z.input<typeof ssoConfigBody>;
type SignInProviders = z.infer<typeof signInProvidersView>;

/** SAML 2.0: the IdP by its metadata XML, or by entry point, entity ID and certificate. */
export type SamlConfigInput = z.input<typeof samlConfigBody>;

export const ssoConfigKey = ['organization', 'sso'] as const;

export const useSsoConfig = () => useQuery({ queryKey: ssoConfigKey, queryFn: () => api<SsoConfig>('/api/v1/organization/sso') });

export const saveSsoConfig = (input: SsoConfigInput) => api<SsoConfig>('/api/v1/organization/sso', { method: 'PUT', body: input });

export const saveSamlConfig = (input: SamlConfigInput) => api<SsoConfig>('/api/v1/organization/sso/saml', { method: 'PUT', body: input });

export const removeSsoConfig = () => api<null>('/api/v1/organization/sso', { method: 'DELETE' });

export const useSignInProviders = () =>
  useQuery({
    queryKey: ['sso', 'providers'],
    queryFn: () => api<SignInProviders>('/api/v1/sso/providers'),
  });

/** Starts single sign-on: Better Auth answers with the identity provider's address to go to. */
export async function startSso(providerId: string): Promise<void> {
  const { url } = await api<{ url: string }>('/api/auth/sign-in/sso', { method: 'POST', body: { providerId } });
  window.location.assign(url);
}

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
  protocol?: 'oidc' | 'saml';
  acsUrl: string;
  spEntityId: string;
  spMetadataUrl: string;
  idpEntityId?: string;
  entryPoint?: string;
  idpMetadata?: string;
  certificate?: string;
  emailAttribute?: string;
  groupsAttribute?: string;
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

/** SAML 2.0: the IdP by its metadata XML, or by entry point, entity ID and certificate. */
export interface SamlConfigInput {
  name: string;
  idpMetadata?: string;
  entryPoint?: string;
  idpEntityId?: string;
  certificate?: string;
  emailAttribute?: string;
  groupsAttribute?: string;
  allowedDomains: string[];
  passwordSignIn: boolean;
  groupMappings: SsoGroupMapping[];
}

export const ssoConfigKey = ['organization', 'sso'] as const;

export const useSsoConfig = () => useQuery({ queryKey: ssoConfigKey, queryFn: () => api<SsoConfig>('/api/v1/organization/sso') });

export const saveSsoConfig = (input: SsoConfigInput) => api<SsoConfig>('/api/v1/organization/sso', { method: 'PUT', body: input });

export const saveSamlConfig = (input: SamlConfigInput) => api<SsoConfig>('/api/v1/organization/sso/saml', { method: 'PUT', body: input });

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

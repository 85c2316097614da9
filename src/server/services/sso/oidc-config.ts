/** The plugin's OIDC configuration, stored as JSON text in sso_providers.oidc_config. */
export interface StoredOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksEndpoint: string;
  userInfoEndpoint?: string;
  discoveryEndpoint: string;
  tokenEndpointAuthentication: 'client_secret_basic' | 'client_secret_post';
  pkce: boolean;
  scopes: string[];
  mapping: { id: string; email: string; emailVerified: string; name: string; extraFields: Record<string, string> };
}

export function readOidcConfig(json: string | null): StoredOidcConfig | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as StoredOidcConfig;
  } catch {
    return undefined;
  }
}

/**
 * SAML 2.0 rules (issue 19): the service-provider addresses an admin registers at the identity provider,
 * which IdP sign-in addresses Cairn sends people to, and how a pasted certificate becomes PEM.
 */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The NameID format Cairn asks for: the e-mail address, used when the IdP sends no e-mail attribute. */
export const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
export const SAML_REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const DEFAULT_EMAIL_ATTRIBUTE = 'email';
export const DEFAULT_GROUPS_ATTRIBUTE = 'groups';

export interface SamlServiceProvider {
  /** Cairn's entity ID (the audience the IdP must name): its metadata URL, so it resolves. */
  spEntityId: string;
  /** Where the IdP posts its response (Okta: "Single sign-on URL"; Entra: "Reply URL"). */
  acsUrl: string;
  spMetadataUrl: string;
}

/** Better Auth's SAML routes live under /api/auth/sso/saml2/sp. */
export function samlServiceProvider(publicUrl: string, providerId: string): SamlServiceProvider {
  const base = `${publicUrl.replace(/\/+$/, '')}/api/auth/sso/saml2/sp`;
  const spMetadataUrl = `${base}/metadata?providerId=${encodeURIComponent(providerId)}`;
  return { spEntityId: spMetadataUrl, acsUrl: `${base}/acs/${providerId}`, spMetadataUrl };
}

/** The IdP's sign-in address must be https (plain http only on this machine, for tests). Null when fine. */
export function entryPointProblem(entryPoint: string): string | null {
  let url: URL;
  try {
    url = new URL(entryPoint);
  } catch {
    return 'Enter the sign-in URL as a full URL, like https://acme.okta.com/app/…/sso/saml.';
  }
  if (url.username || url.password) return 'The sign-in URL may not contain a user name or password.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return 'The sign-in URL must use https (plain http only for localhost).';
}

/** A certificate as PEM, whether pasted with its BEGIN/END lines or as the bare base64 that metadata holds. */
export function pemOf(certificate: string): string {
  const trimmed = certificate.trim();
  if (trimmed.includes('-----BEGIN')) return trimmed;
  const lines = trimmed.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----'].join('\n');
}

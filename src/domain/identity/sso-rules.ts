/**
 * Single sign-on rules (issue 19): which issuer addresses Cairn will talk to, which e-mail domains
 * an organisation accepts, and whether a sign-in by the identity provider may proceed.
 */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An issuer must be https; plain http only on this machine (tests, a local IdP). Null when fine. */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Enter the issuer as a full URL, like https://login.example.com.';
  }
  if (url.username || url.password) return 'The issuer URL may not contain a user name or password.';
  if (url.search || url.hash) return 'The issuer URL may not contain a query or fragment.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return 'The issuer must use https (plain http only for localhost).';
}

/** The discovery document of an issuer, as OpenID Connect Discovery places it. */
export function discoveryUrlOf(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Lower-cased, de-duplicated domains, and the ones that are not domain names. */
export function normalizeDomains(domains: readonly string[]): { domains: string[]; invalid: string[] } {
  const cleaned = [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
  return { domains: cleaned.filter((d) => DOMAIN.test(d)), invalid: cleaned.filter((d) => !DOMAIN.test(d)) };
}

export const domainOfEmail = (email: string) => email.trim().toLowerCase().split('@').pop() ?? '';

/** Exact domain match: a subdomain is a different organisation unless listed too. */
export const emailDomainAllowed = (email: string, domains: readonly string[]) => domains.includes(domainOfEmail(email));

export type SsoRefusal = 'email-unverified' | 'domain-not-allowed' | 'deactivated' | 'other-organization';

export interface SsoSignInFacts {
  email: string;
  emailVerified: boolean;
  allowedDomains: readonly string[];
  /** The Cairn person with this e-mail, if any. */
  existing?: { sameOrganization: boolean; deactivated: boolean };
}

/** Why an identity provider's sign-in is refused, or null to let it create or link the account. */
export function ssoRefusal(facts: SsoSignInFacts): SsoRefusal | null {
  if (!facts.emailVerified) return 'email-unverified';
  if (!emailDomainAllowed(facts.email, facts.allowedDomains)) return 'domain-not-allowed';
  if (facts.existing && !facts.existing.sameOrganization) return 'other-organization';
  if (facts.existing?.deactivated) return 'deactivated';
  return null;
}

export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal, string> = {
  'email-unverified': 'Your identity provider did not confirm your e-mail address, so Cairn cannot sign you in with it.',
  'domain-not-allowed': 'Your e-mail domain is not allowed to sign in to this organisation. Ask an admin to add it.',
  deactivated: 'This account is deactivated. Ask an admin to reactivate it.',
  'other-organization': 'This e-mail address belongs to a person in another organisation.',
};

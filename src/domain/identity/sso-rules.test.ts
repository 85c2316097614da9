import { describe, expect, it } from 'vitest';
import { emailDomainAllowed, issuerProblem, normalizeDomains, ssoRefusal, type SsoRefusal, type SsoSignInFacts } from './sso-rules.js';

describe('issuerProblem', () => {
  it.each<[string, boolean]>([
    ['https://login.example.com', true],
    ['https://login.example.com/realms/acme', true],
    ['http://localhost:4000', true],
    ['http://127.0.0.1:4000/oidc', true],
    ['http://login.example.com', false],
    ['ftp://login.example.com', false],
    ['login.example.com', false],
    ['https://user:pw@login.example.com', false],
    ['https://login.example.com/?x=1', false],
  ])('%s is allowed: %s', (issuer, allowed) => {
    expect(issuerProblem(issuer) === null).toBe(allowed);
  });
});

describe('normalizeDomains', () => {
  it('lower-cases, drops @ and duplicates, and names what is not a domain', () => {
    expect(normalizeDomains([' Example.com', '@example.com', 'acme.co.uk', 'not a domain', ''])).toEqual({
      domains: ['example.com', 'acme.co.uk'],
      invalid: ['not a domain'],
    });
  });
});

describe('emailDomainAllowed', () => {
  it.each<[string, boolean]>([
    ['ann@example.com', true],
    ['Ann@EXAMPLE.com', true],
    ['ann@sub.example.com', false],
    ['ann@example.org', false],
  ])('%s: %s', (email, allowed) => {
    expect(emailDomainAllowed(email, ['example.com'])).toBe(allowed);
  });
});

describe('ssoRefusal', () => {
  const base: SsoSignInFacts = { email: 'ann@example.com', emailVerified: true, allowedDomains: ['example.com'] };
  it.each<[string, Partial<SsoSignInFacts>, SsoRefusal | null]>([
    ['a new verified person', {}, null],
    ['an existing person of the organisation', { existing: { sameOrganization: true, deactivated: false } }, null],
    ['an unverified e-mail', { emailVerified: false }, 'email-unverified'],
    ['a domain not allowed', { email: 'ann@example.org' }, 'domain-not-allowed'],
    ['a deactivated person', { existing: { sameOrganization: true, deactivated: true } }, 'deactivated'],
    ['a person of another organisation', { existing: { sameOrganization: false, deactivated: false } }, 'other-organization'],
  ])('%s', (_, facts, refusal) => {
    expect(ssoRefusal({ ...base, ...facts })).toBe(refusal);
  });
});

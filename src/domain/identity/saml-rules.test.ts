import { describe, expect, it } from 'vitest';
import { entryPointProblem, pemOf, samlServiceProvider } from './saml-rules.js';

describe('entryPointProblem', () => {
  it.each<[string, boolean]>([
    ['https://acme.okta.com/app/acme_cairn/exk1/sso/saml', true],
    ['https://login.microsoftonline.com/tenant-id/saml2', true],
    ['http://localhost:4000/sso', true],
    ['http://127.0.0.1:4000/sso', true],
    ['http://idp.example.com/sso', false],
    ['ftp://idp.example.com/sso', false],
    ['idp.example.com/sso', false],
    ['https://user:pw@idp.example.com/sso', false],
  ])('%s is allowed: %s', (entryPoint, allowed) => {
    expect(entryPointProblem(entryPoint) === null).toBe(allowed);
  });
});

describe('samlServiceProvider', () => {
  it('places the ACS and metadata under Better Auth’s routes; the metadata URL is the entity ID', () => {
    expect(samlServiceProvider('https://okr.acme.com/', 'org-1')).toEqual({
      spEntityId: 'https://okr.acme.com/api/auth/sso/saml2/sp/metadata?providerId=org-1',
      acsUrl: 'https://okr.acme.com/api/auth/sso/saml2/sp/acs/org-1',
      spMetadataUrl: 'https://okr.acme.com/api/auth/sso/saml2/sp/metadata?providerId=org-1',
    });
  });
});

describe('pemOf', () => {
  it.each<[string, string]>([
    ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'],
    [' AAAA BBBB\n', '-----BEGIN CERTIFICATE-----\nAAAABBBB\n-----END CERTIFICATE-----'],
    ['A'.repeat(70), `-----BEGIN CERTIFICATE-----\n${'A'.repeat(64)}\nAAAAAA\n-----END CERTIFICATE-----`],
  ])('%j becomes PEM', (input, pem) => {
    expect(pemOf(input)).toBe(pem);
  });
});

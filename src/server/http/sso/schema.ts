import { z } from 'zod';
import { ROLES } from '../../../domain/vocabulary.js';

/** Single sign-on's request and answer (SAML's request body: saml-schema.ts); the web app derives its types from these (type-only imports). */
export const groupMapping = z.object({
  group: z.string().trim().min(1, 'Name the group.').max(200),
  teamId: z.uuid('Choose a team.').optional(),
  role: z.enum(ROLES).optional(),
});

export const ssoConfigBody = z.object({
  name: z.string().trim().min(1, 'Name the provider, as people will see it on the sign-in page.').max(80),
  issuer: z
    .string()
    .trim()
    .min(1, 'Enter the issuer URL.')
    .max(500)
    .describe('Issuer URL; its /.well-known/openid-configuration is read on save'),
  clientId: z.string().trim().min(1, 'Enter the client id.').max(500),
  clientSecret: z.string().min(1).max(2000).optional().describe('Write-only: never returned; omit to keep the stored one'),
  allowedDomains: z.array(z.string().max(253)).max(50).describe('E-mail domains that may sign in through this provider'),
  passwordSignIn: z.boolean().describe('When false, only owners keep password sign-in (the break-glass path)'),
  groupMappings: z.array(groupMapping).max(100).default([]),
});

/** The SAML part of GET /organization/sso: what to register at the IdP, and the IdP as configured. */
export const samlConfigViewFields = {
  acsUrl: z.string().describe('SAML: the Assertion Consumer Service URL (Okta: Single sign-on URL; Entra: Reply URL)'),
  spEntityId: z.string().describe("SAML: Cairn's entity ID (Okta: Audience URI; Entra: Identifier)"),
  spMetadataUrl: z.string().describe("SAML: Cairn's service-provider metadata, once SAML is configured"),
  idpEntityId: z.string().optional(),
  entryPoint: z.string().optional(),
  idpMetadata: z.string().optional(),
  certificate: z.string().optional(),
  emailAttribute: z.string().optional(),
  groupsAttribute: z.string().optional(),
};

export const ssoConfigView = z.object({
  configured: z.boolean(),
  callbackUrl: z.string().describe('OpenID Connect: the redirect URI to register at the identity provider'),
  protocol: z.enum(['oidc', 'saml']).optional(),
  ...samlConfigViewFields,
  providerId: z.string().optional(),
  name: z.string().optional(),
  issuer: z.string().optional(),
  clientId: z.string().optional(),
  clientSecretSet: z.boolean().optional(),
  allowedDomains: z.array(z.string()).optional(),
  passwordSignIn: z.boolean().optional(),
  groupMappings: z.array(groupMapping).optional(),
});

export const signInProvidersView = z.object({ providers: z.array(z.object({ providerId: z.string(), name: z.string() })) });

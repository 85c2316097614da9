import { z } from 'zod';
import { groupMapping } from './schema.js';

/** SAML 2.0: the IdP by its metadata XML, or by its three fields; the rest as for OpenID Connect. */
export const samlConfigBody = z.object({
  name: z.string().trim().min(1, 'Name the provider, as people will see it on the sign-in page.').max(80),
  idpMetadata: z
    .string()
    .max(100_000, 'Metadata of at most 100 KB.')
    .optional()
    .describe(
      'The IdP metadata XML (Okta: "Identity Provider metadata"; Entra: "Federation Metadata XML"). Omit to give the three fields below.',
    ),
  entryPoint: z.string().trim().max(2000).optional().describe("The IdP's SAML sign-in URL (HTTP-Redirect binding); https"),
  idpEntityId: z.string().trim().max(1000).optional().describe("The IdP's entity ID (the Issuer of its responses)"),
  certificate: z.string().max(20_000).optional().describe("The IdP's signing certificate, PEM"),
  emailAttribute: z.string().trim().min(1).max(300).optional().describe('Attribute with the e-mail; default `email`, else the NameID'),
  groupsAttribute: z.string().trim().min(1).max(300).optional().describe('Attribute with the groups; default `groups`'),
  allowedDomains: z.array(z.string().max(253)).max(50).describe('E-mail domains that may sign in through this provider'),
  passwordSignIn: z.boolean().describe('When false, only owners keep password sign-in (the break-glass path)'),
  groupMappings: z.array(groupMapping).max(100).default([]),
});

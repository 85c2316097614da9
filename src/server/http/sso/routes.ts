import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveSamlConfig } from '../../services/sso/saml-config.js';
import { loadSsoConfig, removeSsoConfig, saveSsoConfig } from '../../services/sso/sso-config.js';
import { signInProviders } from '../../services/sso/sso-sign-in.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

import { groupMapping, samlConfigBody, samlConfigViewFields } from './saml-schema.js';

const ssoConfigBody = z.object({
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

const ssoConfigView = z.object({
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

/** Single sign-on (OpenID Connect or SAML 2.0): the organisation's provider, and what the sign-in page offers. */
export const ssoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/organization/sso', {
      schema: {
        tags: ['sso'],
        summary: 'The single sign-on configuration (owner/admin); the client secret is never returned',
        response: { 200: ssoConfigView, 403: problemSchema },
      },
      handler: async (request) => loadSsoConfig(ctx.db, actorOf(request), ctx.config.publicUrl),
    });

    app.put('/organization/sso', {
      schema: {
        tags: ['sso'],
        summary: "Configure single sign-on (owner/admin); the issuer's discovery document must be reachable",
        body: ssoConfigBody,
        response: { 200: ssoConfigView, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => saveSsoConfig(ctx.db, actorOf(request), request.body, ctx.config.publicUrl),
    });

    app.put('/organization/sso/saml', {
      schema: {
        tags: ['sso'],
        summary:
          "Configure single sign-on with SAML 2.0 (owner/admin): the IdP's metadata XML, or its sign-in URL, entity ID and signing certificate",
        body: samlConfigBody,
        response: { 200: ssoConfigView, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => saveSamlConfig(ctx.db, actorOf(request), request.body, ctx.config.publicUrl),
    });

    app.delete('/organization/sso', {
      schema: {
        tags: ['sso'],
        summary: 'Remove single sign-on (owner/admin)',
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await removeSsoConfig(ctx.db, actorOf(request));
        return reply.status(204).send(null);
      },
    });

    app.get('/sso/providers', {
      schema: {
        tags: ['sso'],
        summary: 'The identity providers the sign-in page offers (names only)',
        response: { 200: z.object({ providers: z.array(z.object({ providerId: z.string(), name: z.string() })) }) },
      },
      handler: async () => ({ providers: await signInProviders(ctx.db) }),
    });
  };
